import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../src-shared/domain/records';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { memoryCache } from '../support/memory-cache';
import { connectionId, detailsProvider } from './support/details-provider';

const stream = 'invoice-details' as const;
const ids = async (db: ReturnType<typeof memoryCache>['db']) => (await db.events.toArray()).map((event) => event.id).sort();

describe('a v7 cache upgraded to v8', () => {
  it("keeps every invoice's detail events, resumes a walk killed midway without asking again, and its sweep removes exactly what is gone", async () => {
    const before = memoryCache(schemaVersions.filter((version) => version.version < 8));
    const provider = detailsProvider(6);
    const eventsOf = async (refs: string[], generation: number) => {
      const { details } = await provider.fetchDetails({ connectionId, stream, requests: refs });
      return details.flatMap((detail) => detail.records!).map((event) => ({ ...(event as LedgerEvent), listHash: provider.listed.get((event as LedgerEvent).invoiceNumber!)!.hash, stream, generation }));
    };
    // As v7 wrote them: a walk (1) that read every invoice at h0, then one (2) killed after two
    // pages: it kept inv0 to inv2 (its rows name only those) and wrote inv3's events read at h1.
    await before.db.events.bulkPut(await eventsOf([...provider.listed.keys()], 1));
    provider.listed.get('inv3')!.hash = 'h1';
    await before.db.events.bulkPut(await eventsOf(['inv3'], 2));
    const v7Rows = [['inv0', 'inv1'], ['inv2']].map((invoiceIds) => ({ connectionId, stream, generation: 2, invoiceIds: invoiceIds.map((ref) => `${connectionId}/${ref}`) }));
    await before.db.table('keptDetails').bulkAdd(v7Rows);
    const state = { lastSuccessAt: '2025-06-01T00:00:00.000Z', lastAttemptAt: null, lastError: null };
    await before.db.syncState.bulkPut([
      { connectionId, stream: 'invoices', cursor: null, generation: 1, sweep: false, ...state },
      { connectionId, stream, cursor: '4', generation: 2, sweep: true, ...state },
    ]);
    before.db.close();

    const { db } = memoryCache(schemaVersions, before.factory);
    provider.listed.delete('inv5');
    provider.detailCalls.length = 0;
    const sync = () => provider.sync(db);
    await sync();
    expect(provider.detailCalls).toEqual([]);
    const expected = [...provider.listed].flatMap(([ref, { hash }]) => [0, 1].map((e) => `${connectionId}/${ref}/${hash}/${e}`)).sort();
    expect(await ids(db)).toEqual(expected);

    // The next walk, from the start, still knows every invoice: nothing is asked again.
    await sync();
    expect(provider.detailCalls).toEqual([]);
    expect(await ids(db)).toEqual(expected);
  });
});
