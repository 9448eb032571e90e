import { beforeAll, describe, expect, it } from 'vitest';
import { buildSalesVat } from '../../src-renderer/accounting/sales-vat-statement';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { salesVatByRate } from '../../src-shared/accounting/sales-vat-by-rate';
import type { Invoice } from '../../src-shared/domain/records';
import { goldenData } from './support/golden-statements';
import { syncedCache, type SyncedCache } from './support/synced-cache';

// Every provider holds these invoices (Flowtly issued them, Aptic services them, Confirma and
// Vettig see some); the statement must count each once, from Flowtly's rows.
let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache(goldenData, ['vettig', 'flowtly', 'confirma', 'aptic']);
});

describe('sales and VAT by rate for January 2025 of the seeded sandboxes', () => {
  it('equals the invoice rows, summed by hand', async () => {
    const statement = await buildSalesVat(cache.db, { from: '2025-01-01', to: '2025-01-31', language: 'en' });
    const totals = Object.fromEntries(statement.totals.map((total) => [`${total.currency} ${total.label}`, total.minor]));
    // The sandbox's own rows (sandbox/data/invoices.ts lines), issued in January 2025:
    //   10425 SEK: 1 × 800.00 at 25 %            → net 800.00, VAT 200.00
    //   10428 EUR: 609.00 + 68.00 at 21 %        → net 677.00, VAT 127.89 + 14.28 = 142.17
    //   10432 EUR: 125.00 + 1,276.00 at 21 %     → net 1,401.00, VAT 26.25 + 267.96 = 294.21
    //   10453 EUR: 129.00 + 222.00 at 25.5 %     → net 351.00, VAT 32.90 + 56.61 = 89.51
    expect([...statement.body()].map((row) => row.map((cell) => ('minor' in cell ? cell.minor : 'value' in cell ? cell.value : '')))).toEqual([
      ['EUR', 2100, 207_800, 43_638, 251_438, 2],
      ['EUR', 2550, 35_100, 8_951, 44_051, 1],
      ['SEK', 2500, 80_000, 20_000, 100_000, 1],
    ]);
    expect(totals).toEqual({
      'EUR Net sales': 242_900,
      'EUR Output VAT': 52_589,
      'EUR Gross sales': 295_489,
      'SEK Net sales': 80_000,
      'SEK Output VAT': 20_000,
      'SEK Gross sales': 100_000,
    });
    expect(statement.problems).toEqual([]);
  });

  it('adds up to the invoices it covers, each counted once', async () => {
    const invoices = await cachedInvoices(cache.db);
    const result = salesVatByRate(invoices, { from: '2025-01-01', to: '2025-01-31' });
    expect(result.invoices.map((invoice) => invoice.number)).toEqual(['10425', '10428', '10432', '10453']);
    const flowtly = invoices.filter((invoice) => invoice.provider === 'flowtly' && ['10425', '10428', '10432', '10453'].includes(invoice.number));
    const gross = (currency: string) => flowtly.filter((invoice) => invoice.currency === currency).reduce((sum, invoice) => sum + invoice.total, 0);
    for (const currency of ['EUR', 'SEK']) {
      expect(result.rows.filter((row) => row.currency === currency).reduce((sum, row) => sum + row.gross, 0)).toBe(gross(currency));
    }
  });
});

describe('a credit note', () => {
  const record = (fields: Partial<Invoice>): Invoice => ({
    kind: 'invoice', id: 'c/1', connectionId: 'c', provider: 'flowtly', providerRef: '1', number: 'F1', customer: { name: null, number: null },
    issueDate: '2025-01-10', dueDate: null, currency: 'EUR', total: 12_100, paid: 0, outstanding: 12_100, status: 'open', financing: 'own-ledger',
    raw: {}, vatLines: [{ rate: 2100, net: 10_000, vat: 2_100 }], ...fields,
  });

  it('counts negative in the month it is issued, whatever sign its rows have', () => {
    const credit = record({ id: 'c/2', providerRef: '2', number: 'F2', raw: { type: 'credit', parent: '/invoices/1' } });
    const result = salesVatByRate([record({}), credit], { from: '2025-01-01', to: '2025-01-31' });
    expect(result.rows).toEqual([{ currency: 'EUR', rate: 2100, net: 0, vat: 0, gross: 0, invoices: 2 }]);
    expect(result.invoices.find((invoice) => invoice.number === 'F2')?.lines).toEqual([{ rate: 2100, net: -10_000, vat: -2_100 }]);
  });

  it('leaves an invoice without rows in one "VAT unknown" row, gross only', () => {
    const result = salesVatByRate([record({ vatLines: null })], { from: '2025-01-01', to: '2025-01-31' });
    expect(result.rows).toEqual([{ currency: 'EUR', rate: null, net: null, vat: null, gross: 12_100, invoices: 1 }]);
  });
});
