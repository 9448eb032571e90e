import { csvCell, csvTextRow, type CsvCell, type CsvRow } from '../../src-shared/csv/csv-cell';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import { ledgerTotals, loadLedgerRows, type LedgerRow } from '../queries/ledger-events';
import type { ReconciliationProblem, Statement, StatementTotal } from './statement';
import { periodNameParts, type StatementPeriod } from './statement-period';
import { StatementText } from './statement-text';

export interface FactoringRequest extends StatementPeriod {
  connectionId: string;
  language: Locale;
}

/**
 * Every factoring event of one connection in a period, with the running balance the Events
 * screen shows (balance with the factoring company over the connection's whole history, see
 * queries/ledger-events.ts), an opening and closing balance, totals per event type and the
 * period's financing cost (the charges, net and VAT).
 */
export async function buildFactoringStatement(db: CacheDatabase, request: FactoringRequest): Promise<Statement> {
  const rows = (await loadLedgerRows(db)).filter((row) => row.connectionId === request.connectionId && row.date <= request.to);
  return factoringStatement(rows, request);
}

/** From ledger rows oldest first with their running balance (as `loadLedgerRows` answers). */
export function factoringStatement(rows: readonly LedgerRow[], request: FactoringRequest): Statement {
  const text = new StatementText(request.language);
  const { columns: names, rows: labels } = text.messages;
  const inPeriod = rows.filter((row) => row.date >= request.from && row.date <= request.to);
  const totalsByCurrency = ledgerTotals(inPeriod);

  // A currency's closing balance is its last row's; the opening one is that less the period's movement.
  const closing = new Map<string, number>();
  for (const row of rows) closing.set(row.currency, row.balance);
  const currencies = [...closing.keys()].sort();
  const movement = new Map(totalsByCurrency.map((total) => [total.currency, total.balanceChange]));
  const opening = (currency: string) => closing.get(currency)! - (movement.get(currency) ?? 0);

  // Label, then net, VAT, amount and balance in their columns.
  const labelRow = (label: string, currency: string, figures: { net?: number | null; vat?: number | null; amount?: number; balance?: number }): CsvRow => [
    csvCell.text(label),
    ...csvTextRow(['', '', '']),
    money(figures.net, currency),
    money(figures.vat, currency),
    money(figures.amount, currency),
    money(figures.balance, currency),
    csvCell.text(currency),
    csvCell.empty(),
  ];

  const totalRows: CsvRow[] = [];
  const totals: StatementTotal[] = [];
  for (const currency of currencies) {
    const byType = totalsByCurrency.find((total) => total.currency === currency)?.byType ?? [];
    for (const total of byType) {
      totalRows.push(labelRow(text.fill(labels.typeTotal, { type: text.eventType(total.type) }), currency, total));
      totals.push({ label: text.eventType(total.type), currency, minor: total.amount });
    }
    const charges = byType.find((total) => total.type === 'charge');
    const cost = { net: charges?.net ?? 0, vat: charges?.vat ?? 0, amount: charges?.amount ?? 0 };
    totalRows.push(labelRow(labels.financingCost, currency, cost));
    totalRows.push(labelRow(labels.closingBalance, currency, { balance: closing.get(currency)! }));
    totals.push(
      { label: `${labels.financingCost}: ${names.net}`, currency, minor: cost.net },
      { label: `${labels.financingCost}: ${names.vat}`, currency, minor: cost.vat },
      { label: labels.closingBalance, currency, minor: closing.get(currency)! },
    );
  }

  return {
    kind: 'factoring',
    fileNameParts: ['factoring', ...periodNameParts(request)],
    header: csvTextRow([
      names.date, names.event, names.invoiceNumber, names.description, names.net, names.vat,
      names.amount, names.balance, names.currency, names.reference,
    ]),
    rowCount: inPeriod.length,
    *body() {
      for (const row of inPeriod) {
        yield [
          csvCell.date(row.date),
          csvCell.text(text.eventType(row.type, row.providerType)),
          csvCell.text(row.invoiceNumber),
          csvCell.text(row.description),
          csvCell.amount(row.net, row.currency),
          csvCell.amount(row.vat, row.currency),
          csvCell.amount(row.amount, row.currency),
          csvCell.amount(row.balance, row.currency),
          csvCell.text(row.currency),
          csvCell.text(providerRef(row)),
        ];
      }
    },
    leadRows: currencies.map((currency) => labelRow(labels.openingBalance, currency, { balance: opening(currency) })),
    totalRows,
    totals,
    problems: [...text.mixedCurrencies(currencies), ...inPeriod.flatMap((row) => checkCharge(row, text))],
  };
}

function money(minor: number | null | undefined, currency: string): CsvCell {
  return minor === undefined || minor === null ? csvCell.empty() : csvCell.amount(minor, currency);
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
