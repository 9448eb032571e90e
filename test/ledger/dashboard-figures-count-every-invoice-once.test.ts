import { describe, expect, it } from 'vitest';
import { putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import { agingByCurrency } from '../../src-renderer/queries/dashboard-figures';
import { totalsByCurrency } from '../../src-renderer/queries/invoice-filter';
import { loadInvoiceRows, loadLedgerSources } from '../../src-renderer/queries/cache-queries';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';
import type { Invoice } from '../../src-shared/domain/records';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';

/**
 * The Dashboard's figures come from the ledger's rows, which the load makes without an entry for
 * an invoice only one record holds. Whatever the shortcut, they are the figures worked out by
 * hand below (every real invoice once), and those every entry of the full join gives.
 */
const today = '2025-06-30';
const customer = { name: 'Öberg Bygg AB', number: null };
const flowtly = (ref: string, fields: Partial<Invoice> = {}) => invoice('flowtly-1', ref, { provider: 'flowtly', customer, ...fields });
const aptic = (ref: string, fields: Partial<Invoice> = {}) => invoice('aptic-1', ref, { customer, ...fields });

async function cache() {
  const { db } = memoryCache();
  const origin = { stream: 'invoices' as const, generation: 1 };
  await putInvoiceChunk(db, 'aptic-1', origin, [
    // Alone, open: 100.00 not yet due. A Vettig factoring event joins it, with no balance of its own.
    aptic('a1', { number: 'A1', dueDate: '2025-07-15' }),
    // Alone, overdue by 29 days: 200.00.
    aptic('a2', { number: 'A2', total: 200_00, outstanding: 200_00, dueDate: '2025-06-01' }),
    // Alone, in euros, overdue by 60 days: 50.00.
    aptic('a3', { number: 'A3', currency: 'EUR', total: 50_00, outstanding: 50_00, dueDate: '2025-05-01' }),
    // Alone and paid: counted, owes nothing.
    aptic('a4', { number: 'A4', total: 70_00, paid: 70_00, outstanding: 0, status: 'paid' }),
    // Shared with Flowtly's F-10: the servicer stands, 250.00 overdue by 20 days, counted once.
    aptic('g10', { number: 'f-10 ', total: 300_00, paid: 50_00, outstanding: 250_00, dueDate: '2025-06-10' }),
  ]);
  await putInvoiceChunk(db, 'flowtly-1', origin, [
    flowtly('f10', { number: 'F-10', total: 300_00, outstanding: 300_00, dueDate: '2025-06-10' }),
    // 400.00 less a 100.00 credit note: 300.00 open; the note is no invoice of its own.
    flowtly('f2', { number: 'INV-2', total: 400_00, outstanding: 400_00, dueDate: '2025-07-30' }),
    flowtly('f3', { number: 'CR-2', total: -100_00, outstanding: -100_00, raw: { type: 'credit', parent: '/invoices/f2' } }),
    // 80.00 credited in full: counted, owes nothing.
    flowtly('f4', { number: 'INV-3', total: 80_00, outstanding: 80_00, dueDate: '2025-07-30' }),
    flowtly('f5', { number: 'CR-3', total: -80_00, outstanding: -80_00, raw: { type: 'credit', parent: '/invoices/f4' } }),
  ]);
  // Known only from an open collection case: 500.00 in collection, no invoice total, no due date.
  const held = collectionCase('confirma-1', 'c1', ['77001']);
  held.invoices[0]!.capitalAmount = 500_00;
  await db.cases.put({ ...held, stream: 'cases', generation: 1, invoiceNumbers: ['77001'] });
  await db.events.put({ ...ledgerEvent('vettig-1', 'e1', { invoiceNumber: 'A1' }), stream: 'events', generation: 1 });
  return db;
}

describe("the Dashboard's figures", () => {
  it('count every real invoice once, per currency, as worked out by hand', async () => {
    const db = await cache();
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
    const db = await cache();
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
