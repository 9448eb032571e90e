import { describe, expect, it } from 'vitest';
import { withCachedDetails, type FetchDeferredPage } from '../../src-renderer/sync/page-details';
import { syncConnection } from '../../src-renderer/sync/sync-connection';
import type { LedgerEvent } from '../../src-shared/domain/records';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { memoryCache } from '../support/memory-cache';
import { aptic, connectionId, detailsProvider } from './support/details-provider';

/** How many kept-details rows each walk left, oldest walk first. */
async function keptRowsByWalk(db: ReturnType<typeof memoryCache>['db']): Promise<number[]> {
  const counts = new Map<number, number>();
  for (const { generation } of await db.keptDetails.toArray()) counts.set(generation, (counts.get(generation) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([, count]) => count);
}

const generations = async (db: ReturnType<typeof memoryCache>['db']) => new Map((await db.events.toArray()).map((event) => [event.id, event.generation]));

describe("an unchanged invoice's details", () => {
  it('are not written again, yet survive the sweep; a changed or dropped invoice loses its old events', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(7);
    const sync = (full = false) => syncConnection(db, withCachedDetails(db, provider.fetchPage, provider.fetchDetails, { full }), aptic, { full, signal: new AbortController().signal });
    await sync();
    const first = await generations(db);
    expect(first.size).toBe(14);

    provider.detailCalls.length = 0;
    await sync();
    expect(provider.detailCalls).toEqual([]);
    // Each event still carries the walk that wrote it: nothing was written again.
    expect(await generations(db)).toEqual(first);

    provider.listed.get('inv3')!.hash = 'h1';
    provider.listed.delete('inv5');
    provider.detailCalls.length = 0;
    await sync();
    expect(provider.detailCalls).toEqual(['inv3']);
    const ids = [...(await generations(db)).keys()].sort();
    const expected = [...provider.listed].flatMap(([ref, { hash }]) => [0, 1].map((e) => `${connectionId}/${ref}/${hash}/${e}`)).sort();
    expect(ids).toEqual(expected);
    // Kept events keep surviving walk after walk.
    await sync();
    expect([...(await generations(db)).keys()].sort()).toEqual(expected);
  });

  it("of a changed invoice are kept when its new events have the old ones' ids", async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(4, 2, { sameIds: true });
    const sync = () => syncConnection(db, withCachedDetails(db, provider.fetchPage, provider.fetchDetails, { full: false }), aptic, { full: false, signal: new AbortController().signal });
    await sync();
    provider.listed.get('inv1')!.hash = 'h1';
    provider.listed.delete('inv2');
    await sync();
    const events = new Map((await db.events.toArray()).map((event) => [event.id, event.listHash]));
    // inv1's events were written again under the same ids by the walk that sweeps: they stay, read at h1.
    expect([...events].sort()).toEqual([
      [`${connectionId}/inv0/0`, 'h0'],
      [`${connectionId}/inv0/1`, 'h0'],
      [`${connectionId}/inv1/0`, 'h1'],
      [`${connectionId}/inv1/1`, 'h1'],
      [`${connectionId}/inv3/0`, 'h0'],
      [`${connectionId}/inv3/1`, 'h0'],
    ]);
  });

  it('survive a walk killed midway and resumed, and the resumed walk still removes a dropped invoice', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(9);
    const walk = (fetchPage: FetchDeferredPage) => syncConnection(db, withCachedDetails(db, fetchPage, provider.fetchDetails, { full: false }), aptic, { full: false, signal: new AbortController().signal });
    await walk(provider.fetchPage);
    provider.listed.delete('inv8');
    const failing: FetchDeferredPage = async (input) => {
      if (input.stream === 'invoice-details' && input.cursor === '4') throw new Error('Aptic: 503 Service Unavailable');
      return provider.fetchPage(input);
    };
    await expect(walk(failing)).rejects.toThrow(/503/);
    // The killed walk's two pages beside the five of the walk before it.
    expect(await keptRowsByWalk(db)).toEqual([5, 2]);
    await walk(provider.fetchPage);
    const expected = [...provider.listed.keys()].flatMap((ref) => [0, 1].map((e) => `${connectionId}/${ref}/h0/${e}`)).sort();
    expect([...(await generations(db)).keys()].sort()).toEqual(expected);
    // The sweep leaves only its own walk's rows: one per page, each with its events' ids.
    expect(await keptRowsByWalk(db)).toEqual([4]);
    expect(await db.keptDetailEvents.count()).toBe(4);
  });

  it('go with their connection, even from a walk killed midway', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(6);
    const walk = (fetchPage: FetchDeferredPage) => syncConnection(db, withCachedDetails(db, fetchPage, provider.fetchDetails, { full: false }), aptic, { full: false, signal: new AbortController().signal });
    await walk(provider.fetchPage);
    await expect(walk(async (input) => (input.cursor === '4' ? Promise.reject(new Error('Aptic: 503')) : provider.fetchPage(input)))).rejects.toThrow(/503/);
    expect(await keptRowsByWalk(db)).toEqual([3, 2]);
    await removeConnectionData(db, connectionId);
    expect(await db.keptDetails.count()).toBe(0);
    expect(await db.keptDetailEvents.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });

  it('of a cache made before kept details were recorded are kept at the first sync after the upgrade', async () => {
    const before = memoryCache(schemaVersions.filter((version) => version.version < 7));
    const provider = detailsProvider(5);
    // As the release before wrote them: every event of the last walk, with its generation.
    const { details } = await provider.fetchDetails({ connectionId, stream: 'invoice-details', requests: [...provider.listed.keys()] });
    await before.db.events.bulkPut(details.flatMap((detail) => detail.records!).map((event) => ({ ...(event as LedgerEvent), stream: 'invoice-details' as const, generation: 1 })));
    const walked = { cursor: null, generation: 1, sweep: false, lastSuccessAt: '2025-06-01T00:00:00.000Z', lastAttemptAt: null, lastError: null };
    await before.db.syncState.bulkPut([{ connectionId, stream: 'invoices', ...walked }, { connectionId, stream: 'invoice-details', ...walked }]);
    const first = await generations(before.db);
    before.db.close();

    const { db } = memoryCache(schemaVersions, before.factory);
    provider.detailCalls.length = 0;
    await syncConnection(db, withCachedDetails(db, provider.fetchPage, provider.fetchDetails, { full: false }), aptic, { full: false, signal: new AbortController().signal });
    expect(provider.detailCalls).toEqual([]);
    expect(await generations(db)).toEqual(first);
  });

  it('are all read again by a full resync, which then removes exactly what is no longer listed', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(5);
    const sync = (full: boolean) => syncConnection(db, withCachedDetails(db, provider.fetchPage, provider.fetchDetails, { full }), aptic, { full, signal: new AbortController().signal });
    await sync(false);
    await sync(false);
    provider.listed.delete('inv0');
    provider.detailCalls.length = 0;
    await sync(true);
    expect(provider.detailCalls.sort()).toEqual(['inv1', 'inv2', 'inv3', 'inv4']);
    expect((await db.events.toArray()).map((event) => event.id).sort()).toEqual(['inv1', 'inv2', 'inv3', 'inv4'].flatMap((ref) => [0, 1].map((e) => `${connectionId}/${ref}/h0/${e}`)));
  });
});
