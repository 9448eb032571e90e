import { minorDigits } from '../money/currency';
import { csvHeaderRow, type CsvColumn } from './csv-columns';
import { CsvCellError, createFieldWriter, createFieldWriters, looksLikeFormula } from './csv-field';
import type { CsvFormat } from './csv-format';

/** The most an amount or integer field takes: quotes, sign, 16 digits and a separator. */
const numberFieldBytes = 24;

/**
 * A table straight from its records as UTF-8 batches of at most `batchBytes`: the header, then
 * each record's fields written as bytes into the batch, with no string per line or per number and
 * no second pass to encode. It is the text `csvTable(columns, records)` encodes to, in the same
 * format (quoting, the formula guard, amounts in their currency's digits, the BOM), and a batch
 * never ends inside a character. Text that is plain ASCII and needs no quote or guard (an invoice
 * number) is copied byte by byte; any other text goes through the same field writer as a cell;
 * a value that repeats (a status word, a customer, a day) is written and encoded once.
 */
export function* csvTableBatches<T>(
  columns: readonly CsvColumn<T>[],
  records: Iterable<T>,
  format: CsvFormat,
  batchBytes: number,
): Generator<Uint8Array<ArrayBuffer>, void, undefined> {
  // Four bytes is the longest character: any smaller and one might never fit.
  if (!Number.isInteger(batchBytes) || batchBytes < 4) throw new RangeError(`A batch must hold at least 4 bytes, got ${String(batchBytes)}.`);
  const out = new ByteBatches(batchBytes);
  const delimiter = format.delimiter.charCodeAt(0);
  const lineEnd = format.lineEnd;
  const writeCell = createFieldWriter(format);
  out.text((format.bom ? '\uFEFF' : '') + csvHeaderRow(columns).map(writeCell).join(format.delimiter) + lineEnd);
  const fields = columns.map((column) => fieldWriter(column, format, out));
  // The header is row 1.
  let rowNumber = 1;
  for (const record of records) {
    rowNumber++;
    let column = 0;
    try {
      for (; column < fields.length; column++) {
        if (column > 0) out.byte(delimiter);
        fields[column]!(record);
      }
    } catch (error) {
      if (error instanceof CsvCellError) throw new CsvCellError(`Row ${rowNumber}, column ${column + 1}: ${error.message}`);
      throw error;
    }
    if (lineEnd.length === 2) out.byte(0x0d);
    out.byte(0x0a);
    if (out.full.length > 0) {
      yield* out.full;
      out.full.length = 0;
    }
  }
  out.flush();
  yield* out.full;
}

/** Fills one batch after another; the full ones wait in `full` until the table hands them out. */
class ByteBatches {
  private readonly encoder = new TextEncoder();
  batch: Uint8Array<ArrayBuffer>;
  filled = 0;
  readonly full: Uint8Array<ArrayBuffer>[] = [];

  constructor(readonly size: number) {
    this.batch = new Uint8Array(size);
  }

  /**
   * Whether `bytes` more fit in this batch. A field that does not goes through `text`, which
   * fills the batch to its last whole character: every batch but the last is full.
   */
  room(bytes: number): boolean {
    return this.filled + bytes <= this.size;
  }

  flush(): void {
    if (this.filled === 0) return;
    this.full.push(this.batch.subarray(0, this.filled));
    this.batch = new Uint8Array(this.size);
    this.filled = 0;
  }

  byte(value: number): void {
    if (this.filled === this.size) this.flush();
    this.batch[this.filled++] = value;
  }

  /** Any text, split between batches only between characters (`encodeInto` writes whole ones). */
  text(text: string): void {
    for (;;) {
      const { read, written } = this.encoder.encodeInto(text, this.batch.subarray(this.filled));
      this.filled += written;
      if (read === text.length) return;
      text = text.slice(read);
      this.flush();
    }
  }

  /** A field encoded earlier; its text when it does not fit. */
  encoded(field: EncodedField): void {
    const { bytes } = field;
    if (!this.room(bytes.length)) return this.text(field.text);
    const { batch } = this;
    let at = this.filled;
    for (let i = 0; i < bytes.length; i++) batch[at++] = bytes[i]!;
    this.filled = at;
  }
}

interface EncodedField {
  text: string;
  bytes: Uint8Array;
}

function fieldWriter<T>(column: CsvColumn<T>, format: CsvFormat, out: ByteBatches): (record: T) => void {
  const write = createFieldWriters(format);
  switch (column.kind) {
    case 'text': {
      const { value } = column;
      if (column.repeats) return reusing(value, write.text, out);
      const plain = plainTextWriter(format, out);
      return (record) => {
        const text = value(record);
        if (text !== null && !plain(text)) out.text(write.text(text));
      };
    }
    // A few thousand distinct days among a million rows: each is checked and encoded once.
    case 'date':
      return reusing(column.value, write.date, out);
    case 'amount': {
      const { minor, currency } = column;
      const quote = format.decimalSeparator === format.delimiter;
      const separator = format.decimalSeparator.charCodeAt(0);
      // Statements use one or two currencies, mostly in runs: a code is checked (by the cell's writer) when it changes.
      let code: string | undefined;
      let digits = 0;
      return (record) => {
        const amount = minor(record);
        if (amount === null) return;
        const currencyCode = currency(record);
        if (currencyCode !== code) {
          write.amount(0, currencyCode);
          digits = minorDigits(currencyCode);
          code = currencyCode;
        }
        if (!Number.isSafeInteger(amount)) write.amount(amount, currencyCode);
        if (out.room(numberFieldBytes)) writeNumber(out, amount, digits, separator, quote && digits > 0);
        else out.text(write.amount(amount, currencyCode));
      };
    }
    case 'integer': {
      const { value } = column;
      return (record) => {
        const number = value(record);
        if (number === null) return;
        if (!Number.isSafeInteger(number)) write.integer(number);
        if (out.room(numberFieldBytes)) writeNumber(out, number, 0, 0, false);
        else out.text(write.integer(number));
      };
    }
  }
}

/**
 * Writes `text` as its own bytes when it is ASCII that needs neither quotes nor the formula
 * guard, and answers whether it did; otherwise the field's writer has to.
 */
function plainTextWriter(format: CsvFormat, out: ByteBatches): (text: string) => boolean {
  const delimiter = format.delimiter.charCodeAt(0);
  return (text) => {
    const length = text.length;
    if (length === 0) return true;
    if (looksLikeFormula(text) || !out.room(length)) return false;
    const { batch } = out;
    let at = out.filled;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      // Quotes, CR and LF need quoting, and all but ASCII other encoding (U+FEFF is quoted too).
      if (code >= 0x80 || code === 0x22 || code === 0x0d || code === 0x0a || code === delimiter) return false;
      batch[at++] = code;
    }
    out.filled = at;
    return true;
  };
}

/** A field whose value repeats: each distinct value is written and encoded once, then its bytes copied. */
function reusing<T>(value: (record: T) => string | null, write: (value: string) => string, out: ByteBatches): (record: T) => void {
  const encoder = new TextEncoder();
  const encoded = new Map<string, EncodedField>();
  // Rows in the list's order often repeat the row before's value (a status, a day): no lookup then.
  let last: string | null = null;
  let lastField: EncodedField | undefined;
  return (record) => {
    const text = value(record);
    if (text === null) return;
    if (text !== last) {
      let field = encoded.get(text);
      if (field === undefined) {
        const written = write(text);
        encoded.set(text, (field = { text: written, bytes: encoder.encode(written) }));
      }
      last = text;
      lastField = field;
    }
    out.encoded(lastField!);
  };
}

const digitScratch = new Uint8Array(numberFieldBytes);

/**
 * A whole number, in a batch with room for it, as `minorUnitsFormatter` writes it (`-971,50` for -97150 with two digits):
 * at least one digit before the separator, `digits` after it, the separator only when
 * `digits` > 0, quoted when the separator is the delimiter.
 */
function writeNumber(out: ByteBatches, value: number, digits: number, separator: number, quote: boolean): void {
  let magnitude = value < 0 ? -value : value;
  let count = 0;
  do {
    const digit = magnitude % 10;
    digitScratch[count++] = 0x30 + digit;
    // Exact: a multiple of ten divided by ten, so no rounding of a large integer.
    magnitude = (magnitude - digit) / 10;
  } while (magnitude > 0);
  while (count <= digits) digitScratch[count++] = 0x30;
  const { batch } = out;
  let at = out.filled;
  if (quote) batch[at++] = 0x22;
  if (value < 0) batch[at++] = 0x2d;
  for (let i = count - 1; i >= 0; i--) {
    if (i === digits - 1) batch[at++] = separator;
    batch[at++] = digitScratch[i]!;
  }
  if (quote) batch[at++] = 0x22;
  out.filled = at;
}
