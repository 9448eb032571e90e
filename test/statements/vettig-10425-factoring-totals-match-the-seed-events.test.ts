import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { parseMinorUnits } from '../../src-shared/money/parse-amount';
import { buildFactoringStatement } from '../../src-renderer/statements/factoring-statement';
import { statementRows, summaryRows, type Statement } from '../../src-renderer/statements/statement';
import { readBack } from '../csv/support/read-back';
import { syncedCache } from './support/synced-cache';

interface SeedEvent {
  type: string;
  amount: number;
  amountExclVat?: number;
  vat?: number;
}

const seed = JSON.parse(await readFile(join(import.meta.dirname, '../fixtures/seeds/vettig-events-10425.json'), 'utf8')) as SeedEvent[];
const minor = (value: number | undefined) => parseMinorUnits(value, 'SEK', { record: 'seed', field: 'amount' });
/** The seed page's own sum of one field over one event type, in öre. */
const seedSum = (type: string, field: 'amount' | 'amountExclVat' | 'vat' = 'amount') =>
  seed.filter((event) => event.type === type).reduce((sum, event) => sum + minor(event[field]), 0);

let statement: Statement;
beforeAll(async () => {
  // Scale 1 is invoice 0 alone: Vettig serves exactly the six seed events of invoice 10425.
  const cache = await syncedCache({ seed: 1, scale: 1 }, ['vettig']);
  expect(await cache.db.events.count()).toBe(6);
  statement = await buildFactoringStatement(cache.db, { connectionId: cache.byProvider('vettig').id, from: '2025-01-01', to: '2025-03-31', language: 'en', connectionLabels: cache.labels });
});

describe("the factoring statement of Vettig's invoice 10425", () => {
  it('lists the six events, signed from the business side, with a running balance that ends where it started', () => {
    const rows = readBack(encodeCsvToString(statementRows(statement), csvFormat('rfc4180')), csvFormat('rfc4180'));
    expect(rows[0]).toEqual([
      'Date', 'Provider', 'Connection', 'Event', 'Invoice number', 'Description', 'Net', 'VAT', 'Amount (+ in, − out)', 'Balance with the factor', 'Currency', 'Provider reference',
    ]);
    // Checked by hand: financing received and the payout are money in; charges, the recourse and
    // paying it back are money out. A pure table: the header, then these six rows and nothing else.
    expect(rows.slice(1).map((row) => [row[0], row[3], row[6], row[7], row[8], row[9]])).toEqual([
      ['2025-01-31', 'Financed', '', '', '1000.00', '1000.00'],
      ['2025-01-31', 'Charge', '-7.20', '-1.80', '-9.00', '991.00'],
      ['2025-01-31', 'Charge', '-15.60', '-3.90', '-19.50', '971.50'],
      ['2025-01-31', 'Payout', '', '', '971.50', '0.00'],
      ['2025-03-15', 'Recourse', '', '', '-1000.00', '-1000.00'],
      ['2025-03-27', 'Recourse payment', '', '', '-1000.00', '0.00'],
    ]);
    const total = (label: string) => statement.totals.find((item) => item.label === label)?.minor;
    expect(total('Opening balance')).toBe(0);
  });

  it('has totals per event type equal to the sums of the seed page, to the öre', () => {
    const total = (label: string) => statement.totals.find((item) => item.label === label)?.minor;
    expect(total('Financed')).toBe(seedSum('InvoiceFactoring'));
    expect(total('Financed')).toBe(1000_00);
    expect(total('Charge')).toBe(-seedSum('Charge'));
    expect(total('Charge')).toBe(-(9_00 + 19_50));
    expect(total('Payout')).toBe(seedSum('ClientPayout'));
    expect(total('Payout')).toBe(971_50);
    expect(total('Recourse')).toBe(-seedSum('InvoiceRecourse'));
    expect(total('Recourse')).toBe(-1000_00);
    expect(total('Recourse payment')).toBe(-seedSum('InvoiceRecoursePayment'));
    expect(total('Recourse payment')).toBe(-1000_00);
    // 1000.00 in − 28.50 + 971.50 in − 1000.00 − 1000.00 = −57.00, the column's own sum.
    expect(total('Sum of the amounts (+ in, − out)')).toBe(-57_00);
  });

  it('gives the financing cost as the charges net and VAT, a cost: −22.80 and −5.70', () => {
    const total = (label: string) => statement.totals.find((item) => item.label === label)?.minor;
    expect(total('Financing cost (charges, net and VAT): Net')).toBe(-seedSum('Charge', 'amountExclVat'));
    expect(total('Financing cost (charges, net and VAT): Net')).toBe(-(7_20 + 15_60));
    expect(total('Financing cost (charges, net and VAT): VAT')).toBe(-seedSum('Charge', 'vat'));
    expect(total('Financing cost (charges, net and VAT): VAT')).toBe(-(1_80 + 3_90));
    expect(total('Closing balance')).toBe(0);
    const summary = readBack(encodeCsvToString(summaryRows(statement), csvFormat('excel-nordic')), csvFormat('excel-nordic'));
    expect(summary[0]).toEqual(['Figure', 'Currency', 'Amount']);
    expect(summary.filter((row) => row[0]?.startsWith('Financing cost'))).toEqual([
      ['Financing cost (charges, net and VAT): Net', 'SEK', '-22,80'],
      ['Financing cost (charges, net and VAT): VAT', 'SEK', '-5,70'],
    ]);
  });

  it('reconciles: no problems to report', () => {
    expect(statement.problems).toEqual([]);
  });
});
