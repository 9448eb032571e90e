import 'fake-indexeddb/auto';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { calendarToday } from '../../src-shared/dates/today';
import { cacheDatabase } from '../../src-renderer/db/cache-database';
import { useInvoiceIndexStore } from '../../src-renderer/stores/invoice-index';
import { useSyncStore } from '../../src-renderer/stores/sync';
import { storeInvoices } from '../support/cached-invoices';
import { countColumnReads } from '../support/column-reads';
import { invoice } from '../support/records';

// The store waits a frame once it has its figures; Node has no frames.
globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) => setTimeout(() => callback(0), 0) as unknown as number;

/**
 * What the Invoices store does after each sync (the sync store's `revision` moves): a whole load
 * of the ledger, unless the cache's stamp shows the sync wrote nothing a load reads (an unchanged
 * sync moves only its own bookkeeping), when the rows it holds are what a load would give.
 */
describe('the Invoices store after a sync', () => {
  it('keeps its rows without reading the cache when the sync wrote nothing they come from, and loads them after one that did', async () => {
    const db = cacheDatabase();
    const columnReads = countColumnReads(db);
    await storeInvoices(db, [{ ...invoice('c1', '1'), stream: 'invoices', generation: 1 }]);
    setActivePinia(createPinia());
    const index = useInvoiceIndexStore();
    const sync = useSyncStore();
    await index.load();
    expect(index.ready).toBe(true);
    expect(index.ledgerRows.map((row) => row.number)).toEqual(['1']);
    const rows = index.ledgerRows;
    expect(columnReads.count).toBeGreaterThan(0);

    // An unchanged sync: its walk's bookkeeping only, then the revision every sync moves.
    columnReads.count = 0;
    await db.syncState.put({ connectionId: 'c1', stream: 'invoices', cursor: null, generation: 2, sweep: false, lastSuccessAt: `${calendarToday()}T10:00:00Z`, lastAttemptAt: null, lastError: null });
    sync.revision += 1;
    await index.load();
    expect(columnReads.count).toBe(0);
    expect(index.ledgerRows).toBe(rows);

    // A sync that wrote an invoice: the list is loaded again and has it.
    await storeInvoices(db, [{ ...invoice('c1', '2'), stream: 'invoices', generation: 2 }]);
    sync.revision += 1;
    await index.load();
    expect(columnReads.count).toBeGreaterThan(0);
    expect(index.ledgerRows.map((row) => row.number).sort()).toEqual(['1', '2']);
  });
});
