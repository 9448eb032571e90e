import { describe, expect, it } from 'vitest';
import type { QuarantinedRecord } from '../../src-shared/domain/records';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { quarantinedOf, recordCounts } from '../../src-renderer/queries/cache-queries';
import { commitPage } from '../../src-renderer/sync/commit-page';
import { openWalk } from '../../src-renderer/sync/sync-state';

/** A walk of a stream that does not sweep: quarantine is replaced by walks, not by sweeps. */
const walk = { full: false, listsEverything: false };
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';
import { invoiceCount } from '../support/cached-invoices';

const now = '2025-06-01T10:00:00.000Z';
const bad = (ref: string | null): QuarantinedRecord => ({ providerRef: ref, kind: 'invoice', reason: `invoice ${ref}: field amount: not a number`, json: `{"id":"${ref}"}` });
const page = (records: SyncPage['records'], quarantined: QuarantinedRecord[], nextCursor: string | null): SyncPage => ({
  records,
  quarantined,
  nextCursor,
  progress: { done: records.length + quarantined.length },
});

describe('records that could not be read', () => {
  it('are stored with their page and cursor, and counted on the connection', async () => {
    const { db } = memoryCache();
    let state = await openWalk(db, 'c1', 'invoices', walk);
    state = await commitPage(db, state, page([invoice('c1', '1')], [bad('2')], 'p2'), now);
    await commitPage(db, state, page([invoice('c1', '3')], [bad('4'), bad(null)], null), now);
    expect(await recordCounts(db, 'c1')).toEqual({ invoices: 2, events: 0, cases: 0, quarantined: 3 });
    expect((await quarantinedOf(db, 'c1')).map((entry) => entry.providerRef)).toEqual(['2', '4', null]);
  });

  it('are replaced when the stream walks again: one that reads now leaves quarantine', async () => {
    const { db } = memoryCache();
    let state = await openWalk(db, 'c1', 'invoices', walk);
    state = await commitPage(db, state, page([invoice('c1', '1')], [bad('2'), bad('3')], null), now);
    await openWalk(db, 'c1', 'cases', walk).then((cases) => commitPage(db, cases, page([], [{ ...bad('k'), kind: 'case' }], null), now));
    await commitPage(db, state, page([invoice('c1', '1'), invoice('c1', '2')], [bad('3')], null), now);
    expect((await quarantinedOf(db, 'c1')).map((entry) => [entry.stream, entry.providerRef])).toEqual([
      ['cases', 'k'],
      ['invoices', '3'],
    ]);
    expect(await invoiceCount(db)).toBe(2);
  });

  it('are kept when a walk resumes from its cursor', async () => {
    const { db } = memoryCache();
    const state = await openWalk(db, 'c1', 'invoices', walk);
    const resumed = await commitPage(db, state, page([], [bad('1')], 'p2'), now);
    await commitPage(db, resumed, page([], [bad('2')], null), now);
    expect(await recordCounts(db, 'c1')).toMatchObject({ quarantined: 2 });
  });

  it('go with their connection, and only theirs', async () => {
    const { db } = memoryCache();
    for (const id of ['c1', 'c2']) await commitPage(db, await openWalk(db, id, 'invoices', walk), page([], [bad('1')], null), now);
    await removeConnectionData(db, 'c1');
    expect(await recordCounts(db, 'c1')).toMatchObject({ quarantined: 0 });
    expect(await recordCounts(db, 'c2')).toMatchObject({ quarantined: 1 });
  });

  it('get their table when a v2 cache opens with v3, every record kept', async () => {
    const v2 = memoryCache(schemaVersions.slice(0, 2));
    await v2.db.table('invoices').put({ ...invoice('c1', '1'), stream: 'invoices', generation: 1 });
    expect(v2.db.verno).toBe(2);
    v2.db.close();
    const current = memoryCache(schemaVersions, v2.factory);
    await current.db.open();
    expect(current.db.verno).toBe(schemaVersions.at(-1)!.version);
    expect(await recordCounts(current.db, 'c1')).toEqual({ invoices: 1, events: 0, cases: 0, quarantined: 0 });
    await commitPage(current.db, await openWalk(current.db, 'c1', 'invoices', walk), page([], [bad('2')], null), now);
    expect(await recordCounts(current.db, 'c1')).toMatchObject({ invoices: 1, quarantined: 1 });
  });
});
