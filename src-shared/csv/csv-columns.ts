import { csvCell, type CsvCell, type CsvRow } from './csv-cell';

/** One column of a statement: its header (in the app's language) and how a record fills it. */
export interface CsvColumn<T> {
  header: string;
  cell: (record: T) => CsvCell;
}

export function csvHeaderRow<T>(columns: readonly CsvColumn<T>[]): CsvRow {
  return columns.map((column) => csvCell.text(column.header));
}

export function csvRecordRow<T>(columns: readonly CsvColumn<T>[], record: T): CsvRow {
  return columns.map((column) => column.cell(record));
}

/** Header, then one row per record, made as the encoder asks for them. */
export function* csvTable<T>(columns: readonly CsvColumn<T>[], records: Iterable<T>): Generator<CsvRow, void, undefined> {
  yield csvHeaderRow(columns);
  for (const record of records) yield csvRecordRow(columns, record);
}
