import { describe, expect, it } from 'vitest';
import type { FetchDetails } from '../../src-renderer/sync/page-details';
import type { LedgerEvent } from '../../src-shared/domain/records';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { memoryCache } from '../support/memory-cache';
import { connectionId, detailsProvider } from './support/details-provider';

/** Details that fail for the call asking for `ref`, as a provider answering 503. */
function failingFor(ref: string, details: FetchDetails): FetchDetails {
  return async (input) => (input.stream === 'invoice-details' && input.requests.includes(ref) ? Promise.reject(new Error('Aptic: 503 Service Unavailable')) : details(input));
}

const generations = async (db: ReturnType<typeof memoryCache>['db']) => new Map((await db.events.toArray()).map((event) => [event.id, event.generation]));

describe("an unchanged invoice's details", () => {
  it('are not written again, yet survive the sweep; a changed or dropped invoice loses its old events', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(7);
    const sync = () => provider.sync(db);
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
    const sync = () => provider.sync(db);
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

  it('survive a details step killed midway and resumed, which asks only for what the stopped one did not write', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(9);
    await provider.sync(db);
    for (const ref of ['inv1', 'inv4', 'inv7']) provider.listed.get(ref)!.hash = 'h1';
    provider.listed.delete('inv8');
    provider.detailCalls.length = 0;
    await expect(provider.sync(db, { details: failingFor('inv4', provider.fetchDetails) })).rejects.toThrow(/503/);
    const stopped = [...provider.detailCalls];
    provider.detailCalls.length = 0;
    await provider.sync(db);
    expect(provider.detailCalls).toContain('inv4');
    expect(provider.detailCalls.filter((ref) => stopped.includes(ref))).toEqual([]);
    expect([...stopped, ...provider.detailCalls].sort()).toEqual(['inv1', 'inv4', 'inv7']);
    const expected = [...provider.listed].flatMap(([ref, { hash }]) => [0, 1].map((e) => `${connectionId}/${ref}/${hash}/${e}`)).sort();
    expect([...(await generations(db)).keys()].sort()).toEqual(expected);
    // The step's sweep leaves one entry per invoice listed, each with its events' ids.
    const entries = (await db.keptDetails.toArray()).flatMap((row) => row.invoiceIds);
    expect(entries.sort()).toEqual([...provider.listed.keys()].map((ref) => `${connectionId}/${ref}`).sort());
  });

  it('of an invoice with an unreadable record are asked again at every sync, quarantined once, while the others are kept', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(5);
    provider.unreadable.add('inv1');
    await provider.sync(db);
    const quarantined = async () => (await db.quarantine.toArray()).map((entry) => `${entry.stream} ${entry.providerRef}`);
    expect(await quarantined()).toEqual(['invoice-details inv1/unreadable']);
    // Its readable records are written with the others'.
    expect((await db.events.toArray()).filter((event) => event.invoiceNumber === 'inv1')).toHaveLength(2);
    provider.detailCalls.length = 0;
    await provider.sync(db);
    expect(provider.detailCalls).toEqual(['inv1']);
    expect(await quarantined()).toEqual(['invoice-details inv1/unreadable']);
    provider.unreadable.delete('inv1');
    provider.detailCalls.length = 0;
    await provider.sync(db);
    expect(provider.detailCalls).toEqual(['inv1']);
    expect(await quarantined()).toEqual([]);
    provider.detailCalls.length = 0;
    await provider.sync(db);
    expect(provider.detailCalls).toEqual([]);
  });

  it('are fetched in a step of their own after the VAT, whose progress counts the changed invoices to the last', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(5);
    await provider.sync(db);
    provider.listed.get('inv2')!.hash = 'h1';
    provider.listed.get('inv4')!.hash = 'h1';
    const seen: string[] = [];
    await provider.sync(db, { onProgress: ({ stream, step, done, total, streamIndex, streamCount }) => seen.push(`${streamIndex + 1}/${streamCount} ${stream} ${step} ${done}/${total}`) });
    const details = seen.filter((line) => line.includes(' details '));
    expect(details[0]).toBe('3/3 invoice-details details 0/2');
    expect(details.at(-1)).toBe('3/3 invoice-details details 2/2');
    // The VAT step before it: both changed invoices' VAT.
    expect(seen.filter((line) => line.includes(' vat ')).at(-1)).toBe('2/3 invoices vat 2/2');
  });

  it('go with their connection, even from a details step killed midway', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(6);
    await provider.sync(db);
    provider.listed.get('inv4')!.hash = 'h1';
    await expect(provider.sync(db, { details: failingFor('inv4', provider.fetchDetails) })).rejects.toThrow(/503/);
    expect(await db.keptDetails.count()).toBeGreaterThan(0);
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
    await before.db.events.bulkPut(details.flatMap((detail) => detail.records!).map((event) => ({ ...(event as LedgerEvent), listHash: 'h0', stream: 'invoice-details' as const, generation: 1 })));
    const walked = { cursor: null, generation: 1, sweep: false, lastSuccessAt: '2025-06-01T00:00:00.000Z', lastAttemptAt: null, lastError: null };
    await before.db.syncState.bulkPut([{ connectionId, stream: 'invoices', ...walked }, { connectionId, stream: 'invoice-details', ...walked }]);
    const first = await generations(before.db);
    before.db.close();

    const { db } = memoryCache(schemaVersions, before.factory);
    provider.detailCalls.length = 0;
    await provider.sync(db);
    expect(provider.detailCalls).toEqual([]);
    expect(await generations(db)).toEqual(first);
  });

  it('are all read again by a full resync, which then removes exactly what is no longer listed', async () => {
    const { db } = memoryCache();
    const provider = detailsProvider(5);
    const sync = (full: boolean) => provider.sync(db, { full });
    await sync(false);
    await sync(false);
    provider.listed.delete('inv0');
    provider.detailCalls.length = 0;
    await sync(true);
    expect(provider.detailCalls.sort()).toEqual(['inv1', 'inv2', 'inv3', 'inv4']);
    expect((await db.events.toArray()).map((event) => event.id).sort()).toEqual(['inv1', 'inv2', 'inv3', 'inv4'].flatMap((ref) => [0, 1].map((e) => `${connectionId}/${ref}/h0/${e}`)));
  });
});
