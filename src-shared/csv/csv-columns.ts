import { csvCell, type CsvCell, type CsvRow } from './csv-cell';
import { CsvCellError, createFieldWriters } from './csv-field';
import type { CsvFormat } from './csv-format';

/**
 * One column of a statement: its header (in the app's language), its kind, and how a record
 * fills it (`null` is an empty field). A column says its kind rather than making a cell per
 * record, so a million-row file is written straight from the records (`csvLineWriter`).
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

/**
 * A record's line (without its line end) in `format`, written field by field with the same
 * writers a row of cells takes, but without making a cell for each: the text `csvRecordRow`
 * and the encoder would make, at a fraction of the cost. `rowNumber` names the row in an error.
 */
export type CsvLineWriter<T> = (record: T, rowNumber: number) => string;

export function csvLineWriter<T>(columns: readonly CsvColumn<T>[], format: CsvFormat): CsvLineWriter<T> {
  const write = createFieldWriters(format);
  const fields = columns.map((column): ((record: T) => string) => {
    switch (column.kind) {
      case 'text': {
        const { value } = column;
        return column.repeats ? reusing(value, write.text) : (record) => orEmpty(value(record), write.text);
      }
      case 'amount': {
        const { minor, currency } = column;
        return (record) => {
          const amount = minor(record);
          return amount === null ? '' : write.amount(amount, currency(record));
        };
      }
      // A few thousand distinct days among a million rows: each is checked and written once.
      case 'date':
        return reusing(column.value, write.date);
      case 'integer': {
        const { value } = column;
        return (record) => orEmpty(value(record), write.integer);
      }
    }
  });
  const { delimiter } = format;
  return (record, rowNumber) => {
    let column = 0;
    try {
      let line = fields[0] ? fields[0](record) : '';
      for (column = 1; column < fields.length; column++) line += delimiter + fields[column]!(record);
      return line;
    } catch (error) {
      if (error instanceof CsvCellError) throw new CsvCellError(`Row ${rowNumber}, column ${column + 1}: ${error.message}`);
      throw error;
    }
  };
}

/** A field whose value repeats: each distinct value is written once, then its text reused. */
function reusing<T>(value: (record: T) => string | null, write: (value: string) => string): (record: T) => string {
  const written = new Map<string, string>();
  return (record) => {
    const text = value(record);
    if (text === null) return '';
    let field = written.get(text);
    if (field === undefined) written.set(text, (field = write(text)));
    return field;
  };
}

function orEmpty<V>(value: V | null, write: (value: V) => string): string {
  return value === null ? '' : write(value);
}
