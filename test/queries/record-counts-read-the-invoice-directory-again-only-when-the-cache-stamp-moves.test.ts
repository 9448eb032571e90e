import { describe, expect, it } from 'vitest';
import { recordCounts } from '../../src-renderer/queries/cache-queries';
import { commitPage } from '../../src-renderer/sync/commit-page';
import { openWalk } from '../../src-renderer/sync/sync-state';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { countColumnReads } from '../support/column-reads';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';

const now = '2025-06-01T10:00:00.000Z';
const walk = { full: false, listsEverything: false };
const page = (records: SyncPage['records']): SyncPage => ({ records, quarantined: [], nextCursor: null, progress: { done: records.length } });

describe('record counts of a connection card', () => {
  it('read the whole invoice directory again only after a write moved the cache stamp, and count right both times', async () => {
    const { db } = memoryCache();
    const directoryReads = countColumnReads(db, 'invoiceDirectory');
    await commitPage(db, await openWalk(db, 'a1', 'invoices', walk), page([invoice('a1', '1'), invoice('a1', '2')]), now);
    await commitPage(db, await openWalk(db, 'b2', 'invoices', walk), page([invoice('b2', '7')]), now);

    // Every card asks after every sync: one read of the directory serves them all while nothing moved.
    const first = await Promise.all([recordCounts(db, 'a1'), recordCounts(db, 'b2')]);
    expect(first.map((counts) => counts.invoices)).toEqual([2, 1]);
    const readsAfterFirst = directoryReads.count;
    expect(readsAfterFirst).toBeGreaterThan(0);
    expect((await recordCounts(db, 'a1')).invoices).toBe(2);
    expect(directoryReads.count).toBe(readsAfterFirst);

    // A new invoice (and a new version of one already there) moves the stamp: counted afresh.
    await commitPage(db, await openWalk(db, 'a1', 'invoices', walk), page([invoice('a1', '2'), invoice('a1', '3')]), now);
    expect((await recordCounts(db, 'a1')).invoices).toBe(3);
    expect((await recordCounts(db, 'b2')).invoices).toBe(1);
    expect(directoryReads.count).toBeGreaterThan(readsAfterFirst);
  });
});
