import { isCurrencyCode } from '../money/currency';
import { minorUnitsFormatter } from '../money/money';
import type { CsvCell } from './csv-cell';
import type { CsvFormat } from './csv-format';

/** A cell that cannot be written as its kind says; the encoder adds the row and column. */
export class CsvCellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvCellError';
  }
}

/**
 * True when a text value would be read as a formula and so gets a `'` in front: Excel,
 * LibreOffice and Sheets treat a field starting `=`, `+`, `-` or `@` as one, and a tab or CR
 * can hide one behind white space.
 */
export function looksLikeFormula(text: string): boolean {
  switch (text.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
      return true;
    default:
      return false;
  }
}

export type FieldWriter = (cell: CsvCell) => string;

/** How each kind of field is written in one format; the cell writer and the column writer share them. */
export interface FieldWriters {
  text(value: string): string;
  amount(minor: number, currency: string): string;
  date(value: string): string;
  integer(value: number): string;
}

/**
 * Builds the functions that turn a value into its field text for `format`. The quoting test
 * is compiled once per file, since it runs for every text field of a 1,000,000-row export.
 * Besides the delimiter, quotes, CR and LF it quotes a U+FEFF: at the start of a file without
 * a BOM, a reader would otherwise take the text's own U+FEFF for one and drop it.
 */
export function createFieldWriters(format: CsvFormat): FieldWriters {
  const needsQuotes = new RegExp(`[${escapeForClass(format.delimiter)}"\\r\\n\uFEFF]`);
  // An amount holds the delimiter only when the user chose `,` for both.
  const quoteAmounts = format.decimalSeparator === format.delimiter;
  const { decimalSeparator } = format;
  // Statements use one or two currencies: check a code and look up its digits once, not on each of 3,000,000 amounts.
  const formatters = new Map<string, (minor: number) => string>();

  return {
    text(value) {
      const text = looksLikeFormula(value) ? `'${value}` : value;
      return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    },
    amount(minor, currency) {
      let format = formatters.get(currency);
      if (format === undefined) {
        if (!isCurrencyCode(currency)) throw new CsvCellError(`"${clip(currency)}" is not an ISO 4217 currency code.`);
        formatters.set(currency, (format = minorUnitsFormatter(currency, decimalSeparator)));
      }
      if (!Number.isSafeInteger(minor)) throw new CsvCellError(`${String(minor)} is not a whole number of minor units.`);
      const amount = format(minor);
      return quoteAmounts && amount.includes(decimalSeparator) ? `"${amount}"` : amount;
    },
    date(value) {
      if (!isCalendarDate(value)) throw new CsvCellError(`"${clip(value)}" is not a date (YYYY-MM-DD).`);
      return value;
    },
    integer(value) {
      if (!Number.isSafeInteger(value)) throw new CsvCellError(`${String(value)} is not a whole number.`);
      return String(value);
    },
  };
}

/** The same for one cell, whose kind says which writer it takes. */
export function createFieldWriter(format: CsvFormat): FieldWriter {
  const write = createFieldWriters(format);
  return (cell) => {
    switch (cell.kind) {
      case 'text':
        return write.text(cell.value);
      case 'amount':
        return write.amount(cell.minor, cell.currency);
      case 'date':
        return write.date(cell.value);
      case 'integer':
        return write.integer(cell.value);
      case 'empty':
        return '';
    }
  };
}

/**
 * `YYYY-MM-DD` naming a day that exists (no 2025-02-29). Read by character codes: it runs for
 * every date of a large export, where slicing and a regular expression showed in profiles.
 */
function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** The decimal number in `text[from, to)`, or -1 if any of it is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

function escapeForClass(char: string): string {
  return char === '\t' ? '\\t' : char.replace(/[\\\]^-]/g, '\\$&');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
