import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../src-shared/domain/records';
import type { SyncState } from '../../src-renderer/db/cache-database';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { columnsOf } from '../../src-renderer/db/invoice-columns';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { syncConnection } from '../../src-renderer/sync/sync-connection';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';
import { connection, provider } from './support/hashed-pages-provider';

const { id: connectionId } = connection;

/**
 * A cache as the v8 release left it: per chunk its directory and columns rows, no page rows. Walk
 * 1 of the invoices is done (a, b | c); walk 2 was killed after its first page (a, b changed).
 */
async function v8Cache(first: Invoice[], second: Invoice[], changedFirst: Invoice[]) {
  const v8 = memoryCache(schemaVersions.filter((version) => version.version <= 8));
  for (const [generation, invoices] of [[1, first], [1, second], [2, changedFirst]] as const) {
    const seq = (await v8.db.table('invoiceChunks').add({ connectionId, stream: 'invoices', generation, invoices })) as number;
    await v8.db.table('invoiceDirectory').add({ seq, connectionId, ids: invoices.map((item) => item.id), numbers: invoices.map((item) => item.number) });
    await v8.db.table('invoiceColumns').add(columnsOf(seq, invoices));
  }
  const walk: SyncState = { connectionId, stream: 'invoices', cursor: '1', generation: 2, sweep: true, lastSuccessAt: null, lastAttemptAt: null, lastError: null };
  await v8.db.syncState.put(walk);
  expect(v8.db.verno).toBe(8);
  v8.db.close();
  return v8.factory;
}

describe('a v8 cache opened by the release that keeps unchanged pages', () => {
  it('resumes the killed walk, whose sweep deletes exactly the older walk, then keeps each page read since', async () => {
    const first = [invoice(connectionId, 'a'), invoice(connectionId, 'b')];
    const changedFirst = [invoice(connectionId, 'a'), invoice(connectionId, 'b', { total: 5 })];
    const second = [invoice(connectionId, 'c')];
    const { db } = memoryCache(schemaVersions, await v8Cache(first, second, changedFirst));
    const served = provider([{ invoices: changedFirst }, { invoices: second }]);
    const sync = () => syncConnection(db, served.fetchPage, connection, { full: false, signal: new AbortController().signal });

    await sync();
    // Resumed at its second page (no page row from v8: read), then swept: walk 1's chunks went, walk 2's first stayed.
    expect(served.asked).toEqual([{ cursor: '1', known: false }]);
    expect(await db.invoiceChunks.count()).toBe(2);
    const totals = async () => (await cachedInvoices(db)).map((cached) => [cached.providerRef, cached.total]);
    expect(await totals()).toEqual([['a', 100_00], ['b', 5], ['c', 100_00]]);

    // The next walk reads the page v8 wrote (nothing says what it was made from) and keeps the one read since.
    served.asked.length = 0;
    await sync();
    expect(served.asked).toEqual([
      { cursor: null, known: false },
      { cursor: '1', known: true },
    ]);
    served.asked.length = 0;
    await sync();
    expect(served.asked).toEqual([
      { cursor: null, known: true },
      { cursor: '1', known: true },
    ]);
    expect(await db.invoiceChunks.count()).toBe(2);
    expect(await totals()).toEqual([['a', 100_00], ['b', 5], ['c', 100_00]]);
  });
});
