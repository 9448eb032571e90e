import { describe, expect, it } from 'vitest';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { commitPage } from '../../src-renderer/sync/commit-page';
import { openWalk } from '../../src-renderer/sync/sync-state';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';
import { invoiceCount } from '../support/cached-invoices';
import { cachedInvoice, cachedInvoices } from '../../src-renderer/db/invoice-chunks';

const now = '2025-06-01T10:00:00.000Z';
/** A walk of a stream that does not list everything: it sweeps only on a full resync. */
const normal = { full: false, listsEverything: false };
const page = (records: SyncPage['records'], nextCursor: string | null): SyncPage => ({ records, quarantined: [], nextCursor, progress: { done: records.length } });

describe('committing a sync page', () => {
  it('stores records of each kind and the next cursor together', async () => {
    const { db } = memoryCache();
    const state = await openWalk(db, 'c1', 'invoices', normal);
    const next = await commitPage(db, state, page([invoice('c1', '1'), ledgerEvent('c1', 'e1'), collectionCase('c1', 'k1', ['1'])], 'p2'), now);
    expect(next.cursor).toBe('p2');
    expect(await invoiceCount(db)).toBe(1);
    expect(await db.events.count()).toBe(1);
    expect((await db.cases.get('c1/k1'))?.invoiceNumbers).toEqual(['1']);
    expect(await db.syncState.get(['c1', 'invoices'])).toMatchObject({ cursor: 'p2', lastSuccessAt: null });
  });

  it('moves neither records nor cursor when the page cannot be stored', async () => {
    const { db } = memoryCache();
    const state = await openWalk(db, 'c1', 'invoices', normal);
    await commitPage(db, state, page([invoice('c1', '1')], 'p2'), now);
    // A value neither IndexedDB can clone nor JSON.stringify can write (a chunk is stored as its
    // invoices' JSON text): the write fails inside the transaction.
    const unwritable = { toJSON: () => { throw new Error('unwritable'); } } as unknown as string;
    const broken = page([invoice('c1', '2'), { ...invoice('c1', '3'), raw: { unwritable } }], 'p3');
    await expect(commitPage(db, { ...state, cursor: 'p2' }, broken, now)).rejects.toThrow();
    expect(await invoiceCount(db)).toBe(1);
    expect((await db.syncState.get(['c1', 'invoices']))?.cursor).toBe('p2');
  });

  it('refuses a record that belongs to another connection', async () => {
    const { db } = memoryCache();
    const state = await openWalk(db, 'c1', 'invoices', normal);
    await expect(commitPage(db, state, page([invoice('c2', '1')], null), now)).rejects.toThrow(/connection c2/);
    expect(await invoiceCount(db)).toBe(0);
  });

  it('marks success on the last page and, after a full resync, deletes only what the provider no longer has', async () => {
    const { db } = memoryCache();
    let state = await openWalk(db, 'c1', 'invoices', normal);
    state = await commitPage(db, state, page([invoice('c1', '1'), invoice('c1', '2'), invoice('c1', '3')], null), now);
    expect(state).toMatchObject({ cursor: null, lastSuccessAt: now, lastError: null });
    await commitPage(db, await openWalk(db, 'c2', 'invoices', normal), page([invoice('c2', '9')], null), now);

    state = await openWalk(db, 'c1', 'invoices', { full: true, listsEverything: false });
    state = await commitPage(db, state, page([invoice('c1', '1')], 'next'), now);
    // Mid-walk nothing is deleted: the screen never goes empty.
    expect(await invoiceCount(db)).toBe(4);
    state = await commitPage(db, state, page([invoice('c1', '3', { outstanding: 0, status: 'paid' })], null), now);
    expect((await cachedInvoices(db)).map((row) => row.id).sort()).toEqual(['c1/1', 'c1/3', 'c2/9']);
    expect((await cachedInvoice(db, 'c1/3'))?.status).toBe('paid');
    expect(state.sweep).toBe(false);
  });

  it('removes everything of one connection, and nothing of another', async () => {
    const { db } = memoryCache();
    for (const id of ['c1', 'c2']) {
      await commitPage(db, await openWalk(db, id, 'events', normal), page([ledgerEvent(id, 'e'), invoice(id, 'i'), collectionCase(id, 'k', ['i'])], null), now);
    }
    await removeConnectionData(db, 'c1');
    for (const rows of [await cachedInvoices(db), await db.events.toArray(), await db.cases.toArray()]) {
      expect(rows.map((row) => row.connectionId)).toEqual(['c2']);
    }
    expect(await db.invoiceDirectory.count()).toBe(await db.invoiceChunks.count());
    expect(await db.syncState.toArray()).toHaveLength(1);
  });
});
