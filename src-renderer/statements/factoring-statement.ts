import { signedAmount, signedFigure } from '../../src-shared/accounting/event-signs';
import { csvCell, csvTextRow } from '../../src-shared/csv/csv-cell';
import { providerNames } from '../../src-shared/domain/provider';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import { ledgerTotals, loadLedgerRows, type LedgerRow } from '../queries/ledger-events';
import type { ReconciliationProblem, Statement, StatementTotal } from './statement';
import { periodNameParts, type StatementPeriod } from './statement-period';
import { StatementText } from './statement-text';

export interface FactoringRequest extends StatementPeriod {
  /** One factoring company's connection; every factoring company in one file when absent or ''. */
  connectionId?: string;
  language: Locale;
  /** Connection id → the name the user gave it. */
  connectionLabels: ReadonlyMap<string, string>;
}

/**
 * Every factoring event of one connection (or of all of them) in a period, signed from the
 * business's point of view (src-shared/accounting/event-signs.ts), with the running balance the
 * Events screen shows (balance with the factoring company over the connection's whole history,
 * see queries/ledger-events.ts). The opening and closing balance, the totals per event type and
 * the period's financing cost, per connection and currency, are the statement's totals (the
 * summary file), never rows of the table.
 */
export async function buildFactoringStatement(db: CacheDatabase, request: FactoringRequest): Promise<Statement> {
  const rows = (await loadLedgerRows(db)).filter((row) => (!request.connectionId || row.connectionId === request.connectionId) && row.date <= request.to);
  return factoringStatement(rows, request);
}

/** From ledger rows oldest first with their running balance (as `loadLedgerRows` answers). */
export function factoringStatement(rows: readonly LedgerRow[], request: FactoringRequest): Statement {
  const text = new StatementText(request.language);
  const { columns: names, rows: labels } = text.messages;
  const label = (connectionId: string) => request.connectionLabels.get(connectionId) ?? connectionId;
  const byConnection = (a: string, b: string) => label(a).localeCompare(label(b), 'en') || (a < b ? -1 : a > b ? 1 : 0);
  // Within a day, one factoring company's events after the other's, each in its own order (a
  // stable sort): the file is the same whatever the random connection ids.
  const inPeriod = rows
    .filter((row) => row.date >= request.from && row.date <= request.to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byConnection(a.connectionId, b.connectionId)));
  const allCompanies = !request.connectionId;

  const connectionIds = [...new Set(rows.map((row) => row.connectionId))].sort(byConnection);
  const totals: StatementTotal[] = [];
  for (const connectionId of connectionIds) {
    // With every factoring company in one file, each figure says whose it is.
    const figure = (name: string) => (allCompanies ? text.fill(labels.connectionFigure, { connection: label(connectionId), figure: name }) : name);
    totals.push(...connectionTotals(rows.filter((row) => row.connectionId === connectionId), inPeriod.filter((row) => row.connectionId === connectionId), text, figure));
  }
  const sums = new CurrencySums<'amount'>();
  for (const row of inPeriod) sums.add(row.currency, 'amount', signedAmount(row.type, row.amount));
  for (const currency of sums.currencies()) totals.push({ label: labels.rowsTotal, currency, minor: sums.get(currency, 'amount') });
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();

  return {
    kind: 'factoring',
    fileNameParts: ['factoring', ...(allCompanies ? ['all'] : []), ...periodNameParts(request)],
    header: csvTextRow([
      names.date, names.provider, names.connection, names.event, names.invoiceNumber, names.description,
      names.net, names.vat, names.signedAmount, names.balance, names.currency, names.reference,
    ]),
    rowCount: inPeriod.length,
    *body() {
      for (const row of inPeriod) {
        yield [
          csvCell.date(row.date),
          csvCell.text(providerNames[row.provider]),
          csvCell.text(label(row.connectionId)),
          csvCell.text(text.eventType(row.type, row.providerType)),
          csvCell.text(row.invoiceNumber),
          csvCell.text(row.description),
          csvCell.amount(signedFigure(row.type, row.net), row.currency),
          csvCell.amount(signedFigure(row.type, row.vat), row.currency),
          csvCell.amount(signedAmount(row.type, row.amount), row.currency),
          csvCell.amount(row.balance, row.currency),
          csvCell.text(row.currency),
          csvCell.text(providerRef(row)),
        ];
      }
    },
    totals,
    summaryHeader: text.summaryHeader(),
    problems: [...text.mixedCurrencies(currencies), ...inPeriod.flatMap((row) => checkCharge(row, text))],
  };
}

/**
 * One connection's figures per currency: opening balance, each event type's signed total, the
 * financing cost (the charges' net and VAT) and the closing balance. A currency's closing
 * balance is its last row's; the opening one is that less the period's movement.
 */
function connectionTotals(rows: readonly LedgerRow[], inPeriod: readonly LedgerRow[], text: StatementText, figure: (name: string) => string): StatementTotal[] {
  const { columns: names, rows: labels } = text.messages;
  const closing = new Map<string, number>();
  for (const row of rows) closing.set(row.currency, row.balance);
  const byCurrency = ledgerTotals(inPeriod);
  const totals: StatementTotal[] = [];
  for (const currency of [...closing.keys()].sort()) {
    const period = byCurrency.find((total) => total.currency === currency);
    const closingBalance = closing.get(currency)!;
    totals.push({ label: figure(labels.openingBalance), currency, minor: closingBalance - (period?.balanceChange ?? 0) });
    for (const total of period?.byType ?? []) {
      totals.push({ label: figure(text.eventType(total.type)), currency, minor: signedAmount(total.type, total.amount) });
    }
    const charges = period?.byType.find((total) => total.type === 'charge');
    totals.push(
      { label: figure(`${labels.financingCost}: ${names.net}`), currency, minor: signedAmount('charge', charges?.net ?? 0) },
      { label: figure(`${labels.financingCost}: ${names.vat}`), currency, minor: signedAmount('charge', charges?.vat ?? 0) },
      { label: figure(labels.closingBalance), currency, minor: closingBalance },
    );
  }
  return totals;
}

/** Record ids are `<connectionId>/<providerRef>`. */
function providerRef(row: LedgerRow): string {
  return row.id.slice(row.connectionId.length + 1);
}

/** A charge is financing cost: its net and VAT must add up to what was charged. */
function checkCharge(row: LedgerRow, text: StatementText): ReconciliationProblem[] {
  if (row.type !== 'charge') return [];
  const reference = providerRef(row);
  const values = { reference, date: row.date, amount: text.amount(row.amount, row.currency) };
  if (row.net === null || row.vat === null) return [text.problem('charge-without-split', reference, values)];
  if (row.net + row.vat === row.amount) return [];
  return [text.problem('charge-split', reference, { ...values, net: text.amount(row.net, row.currency), vat: text.amount(row.vat, row.currency) })];
}
