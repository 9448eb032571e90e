import { csvHeaderRow, csvRecordRow, type CsvColumn } from '../../src-shared/csv/csv-columns';
import { csvTableBatches } from '../../src-shared/csv/csv-table-bytes';
import { providerNames } from '../../src-shared/domain/provider';
import type { CacheDatabase } from '../db/cache-database';
import type { InvoiceStatus } from '../../src-shared/domain/records';
import type { Locale } from '../i18n/locales';
import { compareRows, matchesFilter, type InvoiceFilter, type InvoiceSort } from '../queries/invoice-filter';
import type { InvoiceRow } from '../queries/invoice-row';
import { loadLedgerRows, type LedgerRows } from '../queries/ledger-rows';
import { viewOf } from '../invoices/invoice-view';
import { addMinor } from '../../src-shared/money/exact-sum';
import type { SourceDisagreement } from '../../src-shared/ledger/source-disagreements';
import type { ReconciliationProblem, Statement, StatementTotal } from './statement';
import { StatementText } from './statement-text';

export interface InvoiceListRequest {
  filter: InvoiceFilter;
  sort: InvoiceSort;
  /** What "overdue" is measured against (YYYY-MM-DD), as on the Invoices screen. */
  today: string;
  language: Locale;
  /** Connection id → the name the user gave it. */
  connectionLabels: ReadonlyMap<string, string>;
}

/**
 * The invoices the Invoices screen shows for `filter`, in its order, with every column: every
 * invoice once, or one connection's own records when the filter names a connection.
 */
export async function buildInvoiceList(db: CacheDatabase, request: InvoiceListRequest): Promise<Statement> {
  const ledger = await loadLedgerRows(db, request.today);
  return invoiceListStatement(viewOf(request.filter) === 'ledger' ? ledger.ledger : ledger.records, request, ledger.entryOf);
}

/**
 * The same from rows already in memory (the screen holds them; the benchmark times this part).
 * `entryOf` finds a row's ledger entry, whose disagreements between sources become problems.
 */
export function invoiceListStatement(all: readonly InvoiceRow[], request: InvoiceListRequest, entryOf?: LedgerRows['entryOf']): Statement {
  const rows = all.filter((row) => matchesFilter(row, request.filter, request.today)).sort(compareRows(request.sort));
  return listedInvoicesStatement(rows, request, entryOf);
}

/**
 * The same from the rows the filter keeps, already in the list's order: the screen's compact
 * index answers that for a million rows in a fraction of what filtering and sorting row objects costs.
 */
export function listedInvoicesStatement(rows: readonly InvoiceRow[], request: InvoiceListRequest, entryOf?: LedgerRows['entryOf']): Statement {
  const text = new StatementText(request.language);
  const columns = invoiceColumns(text, request.connectionLabels);

  const { sums, disagreeing } = listSums(rows);
  const currencies = [...sums.keys()].sort();
  const { columns: names } = text.messages;
  const totals: StatementTotal[] = currencies.flatMap((currency) =>
    (['total', 'paid', 'outstanding'] as const).map((key) => ({
      label: key === 'total' ? names.amount : names[key],
      currency,
      minor: sums.get(currency)![key],
    })),
  );
  return {
    kind: 'invoices',
    fileNameParts: ['invoices', request.today],
    header: csvHeaderRow(columns),
    rowCount: rows.length,
    *body() {
      for (const row of rows) yield csvRecordRow(columns, row);
    },
    bytes: (format, batchBytes) => csvTableBatches(columns, rows, format, batchBytes),
    totals,
    summaryHeader: text.summaryHeader(),
    problems: [
      ...text.mixedCurrencies(currencies),
      ...disagreeing.flatMap((row) => disagreementProblems(text, row, entryOf?.(row.id)?.problems ?? [])),
    ],
  };
}

interface ListSums {
  total: number;
  paid: number;
  outstanding: number;
}

/**
 * The list's sums per currency, and the rows whose sources disagree, in one pass, with the row's
 * currency's sums at hand: a map lookup per figure and row (`CurrencySums`) made the dialog wait
 * seconds on a million rows before showing anything, and each further pass over a million row
 * objects costs a few hundred ms more. Each step is still checked to stay exact (`addMinor`).
 */
function listSums(rows: readonly InvoiceRow[]): { sums: Map<string, ListSums>; disagreeing: InvoiceRow[] } {
  const sums = new Map<string, ListSums>();
  const disagreeing: InvoiceRow[] = [];
  let currency: string | undefined;
  let sum: ListSums = { total: 0, paid: 0, outstanding: 0 };
  for (const row of rows) {
    if (row.currency !== currency) {
      currency = row.currency;
      let known = sums.get(currency);
      if (known === undefined) sums.set(currency, (known = { total: 0, paid: 0, outstanding: 0 }));
      sum = known;
    }
    sum.total = addMinor(sum.total, row.total);
    sum.paid = addMinor(sum.paid, row.paid);
    sum.outstanding = addMinor(sum.outstanding, row.outstanding);
    if (row.problems > 0) disagreeing.push(row);
  }
  return { sums, disagreeing };
}

/** One problem per invoice whose sources disagree, saying which source says what. */
function disagreementProblems(text: StatementText, row: InvoiceRow, disagreements: readonly SourceDisagreement[]): ReconciliationProblem[] {
  if (disagreements.length === 0) return [];
  const names = text.messages.columns;
  const fieldName = { total: names.amount, outstanding: names.outstanding, 'due-date': names.dueDate, status: names.status, customer: names.customer } as const;
  const said = (field: SourceDisagreement['field'], value: string | number) =>
    typeof value === 'number' ? text.amount(value, row.currency) : field === 'status' ? text.status(value as InvoiceStatus) : String(value);
  const amounts = disagreements
    .map(({ field, says }) => `${fieldName[field]}: ${says.map(({ source, value }) => `${providerNames[source.provider]} ${said(field, value)}`).join(', ')}`)
    .join('; ');
  return [text.problem('providers-disagree', `${row.number} ${row.currency}`, { invoiceNumber: row.number, amounts })];
}

function invoiceColumns(text: StatementText, labels: ReadonlyMap<string, string>): CsvColumn<InvoiceRow>[] {
  const names = text.messages.columns;
  return [
    { header: names.invoiceNumber, kind: 'text', value: (row) => row.number },
    { header: names.customer, kind: 'text', value: (row) => row.customer, repeats: true },
    { header: names.provider, kind: 'text', value: (row) => providerNames[row.provider], repeats: true },
    { header: names.connection, kind: 'text', value: (row) => labels.get(row.connectionId) ?? row.connectionId, repeats: true },
    { header: names.issueDate, kind: 'date', value: (row) => row.issueDate },
    { header: names.dueDate, kind: 'date', value: (row) => row.dueDate },
    { header: names.signedAmount, kind: 'amount', minor: (row) => row.total, currency: (row) => row.currency },
    { header: names.paid, kind: 'amount', minor: (row) => row.paid, currency: (row) => row.currency },
    { header: names.outstanding, kind: 'amount', minor: (row) => row.outstanding, currency: (row) => row.currency },
    { header: names.currency, kind: 'text', value: (row) => row.currency, repeats: true },
    { header: names.status, kind: 'text', value: (row) => text.status(row.status), repeats: true },
    { header: names.financing, kind: 'text', value: (row) => text.financing(row.financing, row.providerFinancing), repeats: true },
  ];
}
