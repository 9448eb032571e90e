import { describe, expect, it } from 'vitest';
import { agingByCurrency } from '../../src-renderer/queries/dashboard-figures';
import { totalsByCurrency } from '../../src-renderer/queries/invoice-filter';
import { loadInvoiceRows, loadLedgerSources } from '../../src-renderer/queries/cache-queries';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import { byHandCache, today } from '../support/by-hand-ledger-cache';

/**
 * The Dashboard's figures come from the ledger's rows, which the load makes without an entry for
 * an invoice only one record holds. Whatever the shortcut, they are the figures worked out by
 * hand below (every real invoice once), and those every entry of the full join gives.
 */
describe("the Dashboard's figures", () => {
  it('count every real invoice once, per currency, as worked out by hand', async () => {
    const db = await byHandCache();
    const { ledger } = await loadLedgerRows(db, today);

    expect(totalsByCurrency(ledger)).toEqual([
      // A1 100 + A2 200 + F-10 300 + INV-2 400 + INV-3 80 + A4 70 + the case's 0; owed 100 + 200 + 250 + 300 + 500.
      { currency: 'EUR', count: 1, total: 50_00, outstanding: 50_00, overdue: 50_00, overdueCount: 1 },
      { currency: 'SEK', count: 7, total: 1150_00, outstanding: 1350_00, overdue: 450_00, overdueCount: 2 },
    ]);
    const zero = { count: 0, outstanding: 0 };
    expect(agingByCurrency(ledger, today)).toEqual([
      { currency: 'EUR', buckets: { 'not-due': zero, '1-30': zero, '31-60': { count: 1, outstanding: 50_00 }, '61-90': zero, 'over-90': zero } },
      { currency: 'SEK', buckets: { 'not-due': { count: 3, outstanding: 900_00 }, '1-30': { count: 2, outstanding: 450_00 }, '31-60': zero, '61-90': zero, 'over-90': zero } },
    ]);
    // F-10's two records disagree on what is owed (300.00 and 250.00); nothing else disagrees.
    expect(ledger.filter((row) => row.problems > 0).map((row) => row.id)).toEqual(['aptic-1/g10']);
  });

  it('equal those of every entry the full join makes', async () => {
    const db = await byHandCache();
    const loaded = await loadLedgerRows(db, today);
    const { ledger } = loaded;
    // An entry asked for before the entries are read is the one they then hold.
    const alone = loaded.entryOf('aptic-1/a2');
    expect(alone?.outstanding).toBe(200_00);
    expect(loaded.entries.find((entry) => entry.id === 'aptic-1/a2')).toBe(alone);
    expect(loaded.entries).toHaveLength(ledger.length);
    const entries = joinLedger({ invoices: await loadInvoiceRows(db, today), ...(await loadLedgerSources(db)) }, today);

    expect(totalsByCurrency(ledger)).toEqual(totalsByCurrency(entries));
    expect(agingByCurrency(ledger, today)).toEqual(agingByCurrency(entries, today));
    expect(ledger.filter((row) => row.problems > 0)).toHaveLength(entries.filter((entry) => entry.problems.length > 0).length);
  });
});
