import { beforeAll, describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { parseMinorUnits } from '../../src-shared/money/parse-amount';
import { buildStatement } from '../../src-renderer/statements/build-statement';
import { statementRows, summaryRows, type Statement } from '../../src-renderer/statements/statement';
import { readBack } from '../csv/support/read-back';
import { goldenData, goldenRequests } from './support/golden-statements';
import { syncedCache, type SyncedCache } from './support/synced-cache';

const format = csvFormat('rfc4180');
let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache(goldenData, ['vettig', 'flowtly', 'confirma', 'aptic']);
});

/** The statement file as a spreadsheet reads it: header, then data rows as objects by header name. */
async function readStatement(name: string): Promise<{ statement: Statement; rows: Record<string, string>[]; summary: string[][] }> {
  const statement = await buildStatement(cache.db, goldenRequests(cache, 'en')[name]!);
  const [header, ...data] = readBack(encodeCsvToString(statementRows(statement), format), format);
  const rows = data.map((row) => Object.fromEntries(header!.map((column, n) => [column, row[n] ?? ''])));
  const [, ...summary] = readBack(encodeCsvToString(summaryRows(statement), format), format);
  return { statement, rows, summary };
}

/** A column summed per currency, as a spreadsheet's SUMIF would, in minor units. */
function sumPerCurrency(rows: readonly Record<string, string>[], column: string): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) {
    if (row[column] === '') continue;
    const currency = row.Currency!;
    sums[currency] = (sums[currency] ?? 0) + parseMinorUnits(row[column], currency, { record: 'statement row', field: column });
  }
  return sums;
}

/** One figure of the summary file, per currency. */
function figure(summary: readonly string[][], label: string): Record<string, number> {
  return Object.fromEntries(summary.filter((row) => row[0] === label).map(([, currency, amount]) => [currency!, parseMinorUnits(amount, currency!, { record: 'summary', field: label })]));
}

const signed = 'Amount (+ in, − out)';

describe("every statement's data rows add up, per currency, to its summary file", () => {
  it.each(['factoring', 'factoring-2025-01', 'factoring-all'])('%s: the signed amounts, in all and per event type', async (name) => {
    const { rows, summary } = await readStatement(name);
    expect(rows.length).toBeGreaterThan(0);
    expect(sumPerCurrency(rows, signed)).toEqual(figure(summary, 'Sum of the amounts (+ in, − out)'));
    if (name === 'factoring-all') return;
    for (const type of ['Financed', 'Charge', 'Payout', 'Recourse', 'Recourse payment']) {
      const ofType = rows.filter((row) => row.Event === type);
      if (ofType.length > 0) expect(sumPerCurrency(ofType, signed), type).toEqual(figure(summary, type));
    }
  });

  it('factoring of all factoring companies: each company its own figures, beside the others', async () => {
    const { rows, summary } = await readStatement('factoring-all');
    const companies = [...new Set(rows.map((row) => row.Connection!))].sort();
    expect(companies).toEqual(['Aptic (demo)', 'Vettig (demo)']);
    for (const company of companies) {
      const own = rows.filter((row) => row.Connection === company);
      expect(sumPerCurrency(own.filter((row) => row.Event === 'Charge'), signed)).toEqual(figure(summary, `${company}: Charge`));
      // The balance with each factoring company moves from its opening to its closing balance.
      const opening = figure(summary, `${company}: Opening balance`);
      const closing = figure(summary, `${company}: Closing balance`);
      const last = own[own.length - 1]!;
      expect(closing[last.Currency!]).toBe(parseMinorUnits(last['Balance with the factor'], last.Currency!, { record: 'row', field: 'balance' }));
      expect(opening).toEqual({ SEK: 0 });
    }
  });

  it.each(['invoices', 'invoices-aptic-open-by-outstanding'])('%s: amount, paid and outstanding', async (name) => {
    const { rows, summary } = await readStatement(name);
    expect(sumPerCurrency(rows, signed)).toEqual(figure(summary, 'Amount'));
    expect(sumPerCurrency(rows, 'Paid')).toEqual(figure(summary, 'Paid'));
    expect(sumPerCurrency(rows, 'Outstanding')).toEqual(figure(summary, 'Outstanding'));
  });

  it('collection: each kind of line, and the case totals as the sum of their parts', async () => {
    const { rows, summary } = await readStatement('collection');
    for (const line of ['Capital', 'Interest', 'Costs', 'Payment']) {
      const ofLine = rows.filter((row) => row.Line === line);
      expect(sumPerCurrency(ofLine, signed), line).toEqual(figure(summary, `All cases: ${line}`));
    }
    for (const column of ['Paid', 'Outstanding']) {
      const parts = rows.filter((row) => ['Capital', 'Interest', 'Costs'].includes(row.Line!));
      expect(sumPerCurrency(parts, column), column).toEqual(figure(summary, `All cases: Case total: ${column}`));
    }
  });

  it('sales and VAT by rate: net, VAT and gross columns add up to the summary', async () => {
    const { rows, summary } = await readStatement('sales-vat-2025-01');
    expect(rows.length).toBeGreaterThan(0);
    expect(sumPerCurrency(rows, 'Net sales (credit notes −)')).toEqual(figure(summary, 'Net sales'));
    expect(sumPerCurrency(rows, 'Output VAT (credit notes −)')).toEqual(figure(summary, 'Output VAT'));
    expect(sumPerCurrency(rows, 'Gross (credit notes −)')).toEqual(figure(summary, 'Gross sales'));
  });

  it('invoice history: a timeline without totals, so no summary file', async () => {
    const { statement, rows } = await readStatement('invoice-history-10429');
    expect(rows.length).toBe(statement.rowCount);
    expect(statement.totals).toEqual([]);
    // Signed by the one table: the payments are money in, like the invoice itself.
    expect(rows.filter((row) => row['What happened'] === 'Payment').map((row) => row[signed])).toEqual(['70364.29', '1729.29', '68635.00']);
  });
});
