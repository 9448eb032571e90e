import { describe, expect, it } from 'vitest';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { syncConnection } from '../../src-renderer/sync/sync-connection';
import { memoryCache } from '../support/memory-cache';
import { pagedInvoices } from '../support/paged-provider';
import { invoiceCount } from '../support/cached-invoices';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';

/**
 * The two races of issue 11, on the cache alone (no locks: two windows that do not coordinate,
 * or a window that missed the word). The commit itself must refuse what is no longer wanted.
 * End to end, with the window locks, in test/e2e/sync-races-end-with-exactly-the-provider-data.
 */
const aptic = { id: 'a1', provider: 'aptic' as const };
const run = () => ({ signal: new AbortController().signal });
const outcome = (sync: Promise<void>) => sync.then(() => 'completed', (error: Error) => error.name);

describe('a sync racing a removal or another sync', () => {
  it.each([
    ['its first page', null, 0],
    ['a later page', '300', 300],
  ])('writes nothing of %s when it arrives after its connection was removed', async (_which, cursor, writtenBefore) => {
    const { db } = memoryCache();
    const provider = pagedInvoices('a1', 1_000);
    const inFlight = provider.hold(cursor);
    const sync = syncConnection(db, provider.fetchPage, aptic, { full: false, ...run() });
    await inFlight;
    // The page before the held one is being written while the held one is fetched.
    await expect.poll(() => invoiceCount(db)).toBe(writtenBefore);

    await removeConnectionData(db, 'a1');
    provider.release(cursor);

    expect(await outcome(sync)).toBe('SyncSuperseded');
    expect(await invoiceCount(db)).toBe(0);
    expect(await db.syncState.count()).toBe(0);
  });

  it('keeps every invoice, and the generation moving forward, when a slow normal sync meets a full resync', async () => {
    const { db } = memoryCache();
    const provider = pagedInvoices('a1', 1_050);
    await syncConnection(db, provider.fetchPage, aptic, { full: false, ...run() });
    const before = (await db.syncState.get(['a1', 'invoices']))!.generation;

    // Window A: a normal sync whose second request is slow.
    const slow = provider.hold('100');
    const normal = syncConnection(db, provider.fetchPage, aptic, { full: false, ...run() });
    await slow;
    // Window B: a full resync, held just before its last page.
    const last = provider.hold('1000');
    const full = syncConnection(db, provider.fetchPage, aptic, { full: true, ...run() });
    await last;
    // A's slow answer arrives; then B's last page.
    provider.release('100');
    const normalOutcome = await outcome(normal);
    provider.release('1000');
    const fullOutcome = await outcome(full);

    expect([normalOutcome, fullOutcome]).toContain('completed');
    expect(await invoiceCount(db)).toBe(1_050);
    const after = (await db.syncState.get(['a1', 'invoices']))!.generation;
    expect(after).toBeGreaterThan(before);
    // Every row belongs to the walk the stored state names: nothing is left for a later sweep to lose.
    expect((await cachedInvoices(db)).filter((row) => row.generation !== after).length).toBe(0);
  });
});
