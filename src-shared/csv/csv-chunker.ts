import type { CsvRow } from './csv-cell';
import { CsvCellError, createFieldWriter, type FieldWriter } from './csv-field';
import type { CsvFormat } from './csv-format';

/** About 64 KB of text per chunk: large enough to be cheap per call, small enough to stream. */
export const defaultChunkLength = 64 * 1024;

/**
 * Turns rows into text and hands it out in chunks of at least `chunkLength` UTF-16 code units
 * (the last one may be shorter), so neither side of an export ever holds the whole file.
 * The BOM, when the format has one, opens the first chunk.
 */
export class CsvChunker {
  private readonly writeField: FieldWriter;
  private readonly delimiter: string;
  private readonly lineEnd: string;
  private pending: string;
  private rowNumber = 0;

  constructor(
    format: CsvFormat,
    private readonly chunkLength: number = defaultChunkLength,
  ) {
    if (!Number.isInteger(chunkLength) || chunkLength < 1) {
      throw new RangeError(`Chunk length must be a positive whole number, got ${String(chunkLength)}.`);
    }
    this.writeField = createFieldWriter(format);
    this.delimiter = format.delimiter;
    this.lineEnd = format.lineEnd;
    this.pending = format.bom ? '\uFEFF' : '';
  }

  /** Adds one row; returns a chunk when enough text has gathered. */
  push(row: CsvRow): string | undefined {
    this.rowNumber++;
    let line = '';
    let column = 0;
    try {
      for (; column < row.length; column++) {
        if (column > 0) line += this.delimiter;
        line += this.writeField(row[column] as CsvRow[number]);
      }
    } catch (error) {
      if (error instanceof CsvCellError) {
        throw new CsvCellError(`Row ${this.rowNumber}, column ${column + 1}: ${error.message}`);
      }
      throw error;
    }
    this.pending += line + this.lineEnd;
    return this.pending.length >= this.chunkLength ? this.take() : undefined;
  }

  /** What is left after the last row (an empty file with a BOM is just the BOM). */
  finish(): string | undefined {
    return this.pending.length > 0 ? this.take() : undefined;
  }

  private take(): string {
    const chunk = this.pending;
    this.pending = '';
    return chunk;
  }
}
