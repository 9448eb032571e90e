import { isCurrencyCode } from '../money/currency';
import { formatMinorUnits } from '../money/money';
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
 * First characters that make Excel, LibreOffice or Sheets treat a text field as a formula
 * (or, for tab and CR, hide one behind white space): `=`, `+`, `-`, `@`, tab, CR.
 */
const formulaStarts = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/** True when a text value would be read as a formula and so gets a `'` in front. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && formulaStarts.has(text.charCodeAt(0));
}

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type FieldWriter = (cell: CsvCell) => string;

/**
 * Builds the function that turns one cell into its field text for `format`. The quoting test
 * is compiled once per file, since it runs for every text field of a 100,000-row export.
 * Besides the delimiter, quotes, CR and LF it quotes a U+FEFF: at the start of a file without
 * a BOM, a reader would otherwise take the text's own U+FEFF for one and drop it.
 */
export function createFieldWriter(format: CsvFormat): FieldWriter {
  const needsQuotes = new RegExp(`[${escapeForClass(format.delimiter)}"\\r\\n\uFEFF]`);
  // An amount holds the delimiter only when the user chose `,` for both.
  const quoteAmounts = format.decimalSeparator === format.delimiter;
  const { decimalSeparator } = format;

  return (cell) => {
    switch (cell.kind) {
      case 'text': {
        const text = looksLikeFormula(cell.value) ? `'${cell.value}` : cell.value;
        return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      }
      case 'amount': {
        if (!isCurrencyCode(cell.currency)) {
          throw new CsvCellError(`"${clip(cell.currency)}" is not an ISO 4217 currency code.`);
        }
        if (!Number.isSafeInteger(cell.minor)) {
          throw new CsvCellError(`${String(cell.minor)} is not a whole number of minor units.`);
        }
        const amount = formatMinorUnits(cell.minor, cell.currency, decimalSeparator);
        return quoteAmounts && amount.includes(decimalSeparator) ? `"${amount}"` : amount;
      }
      case 'date':
        if (!isCalendarDate(cell.value)) throw new CsvCellError(`"${clip(cell.value)}" is not a date (YYYY-MM-DD).`);
        return cell.value;
      case 'integer':
        if (!Number.isSafeInteger(cell.value)) throw new CsvCellError(`${String(cell.value)} is not a whole number.`);
        return String(cell.value);
      case 'empty':
        return '';
    }
  };
}

/** `YYYY-MM-DD` naming a day that exists (no 2025-02-29). */
function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

function escapeForClass(char: string): string {
  return char === '\t' ? '\\t' : char.replace(/[\\\]^-]/g, '\\$&');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
