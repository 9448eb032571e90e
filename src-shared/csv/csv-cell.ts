/**
 * One typed CSV field. The kind decides how it is written: text is quoted as needed and
 * guarded against formula injection; amounts, integers and dates are written as bare values
 * that spreadsheets read as numbers and dates, and are never guarded (`-150,00` stays a number).
 */
export type CsvCell =
  | { readonly kind: 'text'; readonly value: string }
  /** Integer minor units of `currency`, written with the currency's decimals (SEK 2, JPY 0). */
  | { readonly kind: 'amount'; readonly minor: number; readonly currency: string }
  /** `YYYY-MM-DD`. */
  | { readonly kind: 'date'; readonly value: string }
  /** A whole number that is a quantity (a count, a day number), not money. */
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'empty' };

export type CsvRow = readonly CsvCell[];

const emptyCell: CsvCell = { kind: 'empty' };

/** Constructors that read like the column they fill; `null` becomes an empty field. */
export const csvCell = {
  text: (value: string | null): CsvCell => (value === null ? emptyCell : { kind: 'text', value }),
  amount: (minor: number | null, currency: string): CsvCell =>
    minor === null ? emptyCell : { kind: 'amount', minor, currency },
  date: (value: string | null): CsvCell => (value === null ? emptyCell : { kind: 'date', value }),
  integer: (value: number | null): CsvCell => (value === null ? emptyCell : { kind: 'integer', value }),
  empty: (): CsvCell => emptyCell,
};

/** A header or label row: every cell is text. */
export function csvTextRow(values: readonly string[]): CsvRow {
  return values.map((value) => csvCell.text(value));
}
