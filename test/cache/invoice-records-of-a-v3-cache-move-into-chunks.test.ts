import { describe, expect, it } from 'vitest';
import type { CachedInvoice, SyncState } from '../../src-renderer/db/cache-database';
import { cachedInvoice, cachedInvoices, invoicesOf } from '../../src-renderer/db/invoice-chunks';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { invoiceHistory, recordCounts } from '../../src-renderer/queries/cache-queries';
import { commitPage } from '../../src-renderer/sync/commit-page';
import { openWalk } from '../../src-renderer/sync/sync-state';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';

const now = '2025-06-01T10:00:00.000Z';

/**
 * A cache as the v3 release left it: one record per invoice. c1 is in the middle of a sweeping
 * walk (generation 2 written for some invoices, generation 1 left on the others), c2 is done.
 */
async function v3Cache() {
  const v3 = memoryCache(schemaVersions.filter((v) => v.version <= 3));
  const rows: CachedInvoice[] = [
    ...Array.from({ length: 2_500 }, (_, i) => ({ ...invoice('c1', String(10_000 + i), { total: i }), stream: 'invoices' as const, generation: i < 1_200 ? 2 : 1 })),
    ...Array.from({ length: 30 }, (_, i) => ({ ...invoice('c2', String(10_000 + i), { status: 'paid' as const }), stream: 'invoices' as const, generation: 5 })),
  ];
  await v3.db.table('invoices').bulkPut(rows);
  const walk: SyncState = { connectionId: 'c1', stream: 'invoices', cursor: 'p12', generation: 2, sweep: true, lastSuccessAt: null, lastAttemptAt: null, lastError: null };
  await v3.db.syncState.put(walk);
  expect(v3.db.verno).toBe(3);
  v3.db.close();
  return { factory: v3.factory, rows, walk };
}

describe('a v3 cache opened by the chunked layout', () => {
  it('keeps every invoice with its stream and generation, found by id and by number', async () => {
    const { factory, rows } = await v3Cache();
    const { db } = memoryCache(schemaVersions, factory);
    await db.open();
    expect(db.tables.map((table) => table.name)).not.toContain('invoices');
    expect(await cachedInvoices(db)).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
    // Chunks of at most 1,000, each of one connection, stream and generation.
    const chunks = (await db.invoiceChunks.toArray()).map((chunk) => ({ ...chunk, invoices: invoicesOf(chunk) }));
    expect(chunks.every((chunk) => chunk.invoices.length <= 1_000 && chunk.invoices.every((row) => row.connectionId === chunk.connectionId))).toBe(true);
    expect(chunks.map((chunk) => chunk.invoices.length).reduce((a, b) => a + b, 0)).toBe(2_530);
    expect((await cachedInvoice(db, 'c1/10007'))?.total).toBe(7);
    expect((await invoiceHistory(db, '10003')).invoices.map((row) => row.id)).toEqual(['c1/10003', 'c2/10003']);
    expect(await recordCounts(db, 'c2')).toEqual({ invoices: 30, events: 0, cases: 0, quarantined: 0 });
  });

  it('resumes the interrupted walk: its last page sweeps exactly what that walk did not see', async () => {
    const { factory, walk } = await v3Cache();
    const { db } = memoryCache(schemaVersions, factory);
    const resumed = await openWalk(db, 'c1', 'invoices', { full: false, listsEverything: true });
    expect(resumed).toEqual(walk);
    await commitPage(db, resumed, { records: [invoice('c1', '10001', { total: 99 })], quarantined: [], nextCursor: null, progress: { done: 1 } }, now);
    const c1 = (await cachedInvoices(db)).filter((row) => row.connectionId === 'c1');
    expect(c1).toHaveLength(1_200);
    expect(c1.every((row) => row.generation === 2)).toBe(true);
    expect((await cachedInvoice(db, 'c1/10001'))?.total).toBe(99);
    expect((await cachedInvoices(db)).filter((row) => row.connectionId === 'c2')).toHaveLength(30);
  });

  it('removes a connection whole, directory and chunks', async () => {
    const { factory } = await v3Cache();
    const { db } = memoryCache(schemaVersions, factory);
    await removeConnectionData(db, 'c1');
    expect(new Set((await cachedInvoices(db)).map((row) => row.connectionId))).toEqual(new Set(['c2']));
    expect(await db.invoiceDirectory.count()).toBe(await db.invoiceChunks.count());
  });
});
