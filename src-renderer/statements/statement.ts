import { csvCell, type CsvRow } from '../../src-shared/csv/csv-cell';
import type { CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvChunks } from '../../src-shared/csv/encode-csv';
import { utf8Batches } from '../../src-shared/csv/utf8-batches';

export const statementKinds = ['invoices', 'factoring', 'collection', 'invoice-history', 'period-journal', 'journal', 'sie', 'sales-vat'] as const;
export type StatementKind = (typeof statementKinds)[number];

/**
 * One figure the export dialog shows before saving and the summary file holds: an exact sum
 * (or a balance) in one currency, signed like the statement's rows.
 */
export interface StatementTotal {
  label: string;
  currency: string;
  minor: number;
}

export type ProblemCode =
  | 'mixed-currencies'
  | 'charge-split'
  | 'charge-without-split'
  | 'case-part'
  | 'case-outstanding'
  | 'payment-currency'
  | 'allocation-breakdown'
  | 'allocation-without-case'
  | 'providers-disagree'
  | 'invoice-not-found';

/**
 * Something in the data that does not reconcile; the export dialog lists every one. A mismatch
 * is figures that contradict each other; a notice is a total that cannot be one figure (amounts
 * in several currencies are totalled per currency, never together).
 */
/** What the bookkeeping exports report: a movement left out, not booked, or booked without its VAT split. */
export type BookingProblemCode = 'other-currency' | 'factor-owns-invoice' | 'pending-at-agency' | 'vat-unknown' | 'unknown-type';

/** What the sales and VAT statement reports: an invoice whose rows do not add up to its total. */
export type SalesVatProblemCode = 'vat-lines-disagree';

export interface ReconciliationProblem {
  code: ProblemCode | BookingProblemCode | SalesVatProblemCode;
  severity: 'mismatch' | 'notice';
  /** What it is about (a case number, a provider reference), for tests and de-duplication. */
  subject: string;
  /** The explanation in the statement's language. */
  message: string;
}

/**
 * A statement ready to encode. The body is made on demand from compact records, so a
 * 100,000-row invoice list never exists as 100,000 arrays of cells at once.
 */
export interface Statement {
  kind: StatementKind;
  /** Parts for `exportFileName`: `['factoring', '2025-01']` → `reskontra-factoring-2025-01.csv`. */
  fileNameParts: readonly string[];
  header: CsvRow;
  /** Data rows (not the header). */
  rowCount: number;
  body(): Iterable<CsvRow>;
  /**
   * The whole file (header and body) as UTF-8 batches of at most `batchBytes`, for a statement that
   * writes it straight from its records rather than through a cell per field: the same bytes as
   * encoding `header` and `body()`, at a fraction of the cost (a million-row invoice list).
   */
  bytes?(format: CsvFormat, batchBytes: number): Iterable<Uint8Array<ArrayBuffer>>;
  /**
   * Balances and totals: shown in the dialog and written to the summary file beside the
   * statement, never among its rows, so a spreadsheet sum or an import of the file is right.
   */
  totals: readonly StatementTotal[];
  /** The summary file's header, in the statement's language: figure, currency, amount. */
  summaryHeader: CsvRow;
  problems: readonly ReconciliationProblem[];
  /** Set for a file in a format of its own (an SIE file): saved as these bytes under this name, not as CSV. */
  file?: { name: string; bytes: Uint8Array };
}

/** A kind's key in the message files: kinds are kebab-case, message keys camelCase. */
export function statementMessageKey(kind: StatementKind): string {
  return kind.replace(/-(\w)/g, (_whole, letter: string) => letter.toUpperCase());
}

/** The statement file: one header row, then data rows only (a pure table), for `encodeCsv`. */
export function* statementRows(statement: Statement): Generator<CsvRow, void, undefined> {
  yield statement.header;
  yield* statement.body();
}

/** The statement file in `format` as UTF-8 batches: from its records when it can write them directly. */
export function statementBatches(statement: Statement, format: CsvFormat, batchBytes: number): Iterable<Uint8Array<ArrayBuffer>> {
  return statement.bytes ? statement.bytes(format, batchBytes) : utf8Batches(encodeCsvChunks(statementRows(statement), format), batchBytes);
}

/** The summary file: its header, then one row per figure (label, currency, amount). */
export function* summaryRows(statement: Statement): Generator<CsvRow, void, undefined> {
  yield statement.summaryHeader;
  for (const total of statement.totals) {
    yield [csvCell.text(total.label), csvCell.text(total.currency), csvCell.amount(total.minor, total.currency)];
  }
}
