import { csvCell, csvTextRow, type CsvRow } from '../../src-shared/csv/csv-cell';
import { csvRecordRow, type CsvColumn } from '../../src-shared/csv/csv-columns';
import { providerNames } from '../../src-shared/domain/provider';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import { loadInvoiceRows } from '../queries/cache-queries';
import { compareRows, matchesFilter, type InvoiceFilter, type InvoiceSort } from '../queries/invoice-filter';
import type { InvoiceRow } from '../queries/invoice-row';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import type { Statement, StatementTotal } from './statement';
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

/** The invoices the Invoices screen shows for `filter`, in its order, with every column. */
export async function buildInvoiceList(db: CacheDatabase, request: InvoiceListRequest): Promise<Statement> {
  return invoiceListStatement(await loadInvoiceRows(db), request);
}

/** The same from rows already in memory (the screen holds them; the benchmark times this part). */
export function invoiceListStatement(all: readonly InvoiceRow[], request: InvoiceListRequest): Statement {
  const text = new StatementText(request.language);
  const rows = all.filter((row) => matchesFilter(row, request.filter, request.today)).sort(compareRows(request.sort));
  const columns = invoiceColumns(text, request.connectionLabels);

  type Sum = 'count' | 'total' | 'paid' | 'outstanding';
  const sums = new CurrencySums<Sum>();
  for (const row of rows) {
    sums.add(row.currency, 'count', 1);
    sums.add(row.currency, 'total', row.total);
    sums.add(row.currency, 'paid', row.paid);
    sums.add(row.currency, 'outstanding', row.outstanding);
  }
  const currencies = sums.currencies();
  const { columns: names } = text.messages;
  const totals: StatementTotal[] = currencies.flatMap((currency) =>
    (['total', 'paid', 'outstanding'] as const).map((key) => ({
      label: key === 'total' ? names.amount : names[key],
      currency,
      minor: sums.get(currency, key),
    })),
  );
  const totalRows: CsvRow[] = currencies.map((currency) => [
    ...csvTextRow([text.fill(text.messages.rows.invoiceTotal, { count: sums.get(currency, 'count') }), '', '', '', '', '']),
    csvCell.amount(sums.get(currency, 'total'), currency),
    csvCell.amount(sums.get(currency, 'paid'), currency),
    csvCell.amount(sums.get(currency, 'outstanding'), currency),
    csvCell.text(currency),
    csvCell.empty(),
    csvCell.empty(),
  ]);

  return {
    kind: 'invoices',
    fileNameParts: ['invoices', request.today],
    header: csvTextRow(columns.map((column) => column.header)),
    rowCount: rows.length,
    *body() {
      for (const row of rows) yield csvRecordRow(columns, row);
    },
    leadRows: [],
    totalRows,
    totals,
    problems: text.mixedCurrencies(currencies),
  };
}

function invoiceColumns(text: StatementText, labels: ReadonlyMap<string, string>): CsvColumn<InvoiceRow>[] {
  const names = text.messages.columns;
  return [
    { header: names.invoiceNumber, cell: (row) => csvCell.text(row.number) },
    { header: names.customer, cell: (row) => csvCell.text(row.customer) },
    { header: names.provider, cell: (row) => csvCell.text(providerNames[row.provider]) },
    { header: names.connection, cell: (row) => csvCell.text(labels.get(row.connectionId) ?? row.connectionId) },
    { header: names.issueDate, cell: (row) => csvCell.date(row.issueDate) },
    { header: names.dueDate, cell: (row) => csvCell.date(row.dueDate) },
    { header: names.amount, cell: (row) => csvCell.amount(row.total, row.currency) },
    { header: names.paid, cell: (row) => csvCell.amount(row.paid, row.currency) },
    { header: names.outstanding, cell: (row) => csvCell.amount(row.outstanding, row.currency) },
    { header: names.currency, cell: (row) => csvCell.text(row.currency) },
    { header: names.status, cell: (row) => csvCell.text(text.status(row.status)) },
    { header: names.financing, cell: (row) => csvCell.text(text.financing(row.financing)) },
  ];
}
