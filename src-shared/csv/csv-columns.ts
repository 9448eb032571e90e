import { csvCell, type CsvCell, type CsvRow } from './csv-cell';

/**
 * One column of a statement: its header (in the app's language), its kind, and how a record
 * fills it (`null` is an empty field). A column says its kind rather than making a cell per
 * record, so a million-row file is written straight from the records (`csvTableBatches`).
 */
export type CsvColumn<T> = { header: string } & (
  /** `repeats`: few distinct values (a status word, a connection's name): each is written once and reused. */
  | { kind: 'text'; value: (record: T) => string | null; repeats?: boolean }
  | { kind: 'amount'; minor: (record: T) => number | null; currency: (record: T) => string }
  | { kind: 'date'; value: (record: T) => string | null }
  | { kind: 'integer'; value: (record: T) => number | null }
);

export function csvHeaderRow<T>(columns: readonly CsvColumn<T>[]): CsvRow {
  return columns.map((column) => csvCell.text(column.header));
}

export function csvRecordRow<T>(columns: readonly CsvColumn<T>[], record: T): CsvRow {
  return columns.map((column) => cellOf(column, record));
}

function cellOf<T>(column: CsvColumn<T>, record: T): CsvCell {
  switch (column.kind) {
    case 'text':
      return csvCell.text(column.value(record));
    case 'amount':
      return csvCell.amount(column.minor(record), column.currency(record));
    case 'date':
      return csvCell.date(column.value(record));
    case 'integer':
      return csvCell.integer(column.value(record));
  }
}

/** Header, then one row per record, made as the encoder asks for them. */
export function* csvTable<T>(columns: readonly CsvColumn<T>[], records: Iterable<T>): Generator<CsvRow, void, undefined> {
  yield csvHeaderRow(columns);
  for (const record of records) yield csvRecordRow(columns, record);
}
