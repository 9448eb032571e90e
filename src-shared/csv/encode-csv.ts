import type { CsvRow } from './csv-cell';
import { CsvChunker, defaultChunkLength } from './csv-chunker';
import type { CsvFormat } from './csv-format';

export interface EncodeOptions {
  /** Minimum chunk length in UTF-16 code units; default about 64 KB. */
  chunkLength?: number;
}

/**
 * Rows in, text chunks out, for rows read page by page (e.g. from the cache). A plain
 * iterable is walked synchronously: awaiting every one of 100,000 rows would cost more than
 * encoding them.
 */
export async function* encodeCsv(
  rows: Iterable<CsvRow> | AsyncIterable<CsvRow>,
  format: CsvFormat,
  options: EncodeOptions = {},
): AsyncGenerator<string, void, undefined> {
  if (!(Symbol.asyncIterator in rows)) {
    yield* encodeCsvChunks(rows, format, options);
    return;
  }
  const chunker = new CsvChunker(format, options.chunkLength ?? defaultChunkLength);
  for await (const row of rows) {
    const chunk = chunker.push(row);
    if (chunk !== undefined) yield chunk;
  }
  const rest = chunker.finish();
  if (rest !== undefined) yield rest;
}

/** The synchronous form, for rows already in memory. */
export function* encodeCsvChunks(
  rows: Iterable<CsvRow>,
  format: CsvFormat,
  options: EncodeOptions = {},
): Generator<string, void, undefined> {
  const chunker = new CsvChunker(format, options.chunkLength ?? defaultChunkLength);
  for (const row of rows) {
    const chunk = chunker.push(row);
    if (chunk !== undefined) yield chunk;
  }
  const rest = chunker.finish();
  if (rest !== undefined) yield rest;
}

/** The whole file as one string: for tests and small files only. */
export function encodeCsvToString(rows: Iterable<CsvRow>, format: CsvFormat): string {
  let text = '';
  for (const chunk of encodeCsvChunks(rows, format)) text += chunk;
  return text;
}
