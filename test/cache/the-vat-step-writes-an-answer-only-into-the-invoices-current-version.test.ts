import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../src-shared/domain/records';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { eachInvoiceVersion } from '../../src-renderer/db/invoice-chunks';
import { commitPage } from '../../src-renderer/sync/commit-page';
import { drainPendingVat, type DrainProgress } from '../../src-renderer/sync/drain-pending-vat';
import type { FetchDetails } from '../../src-renderer/sync/page-details';
import { openWalk } from '../../src-renderer/sync/sync-state';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';

const now = '2025-06-01T10:00:00.000Z';
const walk = { full: false, listsEverything: true };
const page = (records: SyncPage['records'], nextCursor: string | null): SyncPage => ({ records, quarantined: [], nextCursor, progress: { done: records.length } });
const pendingAt = (ref: string, listHash: string): Invoice => invoice('a1', ref, { listHash, vatPending: `vat of ${ref} at ${listHash}` });
const vatLines = [{ rate: 2500, net: 80_00, vat: 20_00 }];

describe('the VAT step', () => {
  it('writes an answer only into the version of the invoice that is current: one another walk listed again meanwhile is left for its next step', async () => {
    const { db } = memoryCache();
    const first = await openWalk(db, 'a1', 'invoices', walk);
    // Chunks before and after the one that races, so the step has older and newer rows to pass over.
    await commitPage(db, first, page([pendingAt('1', 'h1')], 'p2'), now);
    await commitPage(db, { ...first, cursor: 'p2' }, page([pendingAt('2', 'h1'), pendingAt('3', 'h1')], 'p3'), now);
    await commitPage(db, { ...first, cursor: 'p3' }, page([pendingAt('4', 'h1')], null), now);

    let raced = false;
    const fetchDetails: FetchDetails = async ({ requests }) => {
      if (!raced && requests.includes('vat of 2 at h1')) {
        raced = true;
        // Invoice 2 changes at the provider and another walk commits it again, before this answer arrives.
        const other = await openWalk(db, 'a1', 'invoices', walk);
        await commitPage(db, other, page([pendingAt('2', 'h2')], 'more'), now);
      }
      return { details: requests.map(() => ({ vatLines })) };
    };
    const progress: DrainProgress[] = [];
    await drainPendingVat(db, fetchDetails, { connectionId: 'a1', stream: 'invoices' }, { signal: new AbortController().signal, onProgress: (at) => progress.push(at) });

    expect(raced).toBe(true);
    const versions: Array<{ id: string; listHash?: string; vatLines?: Invoice['vatLines']; pending: boolean }> = [];
    await eachInvoiceVersion(db, ({ id, listHash, vatLines: lines, vatPending }) => versions.push({ id, listHash, vatLines: lines, pending: vatPending !== undefined }));
    // No version of invoice 2 took the answer asked at its old entry: the newer one is still pending.
    expect(versions.filter((version) => version.id === 'a1/2')).toEqual([
      { id: 'a1/2', listHash: 'h1', vatLines: undefined, pending: true },
      { id: 'a1/2', listHash: 'h2', vatLines: undefined, pending: true },
    ]);
    expect(versions.filter((version) => version.id !== 'a1/2').map((version) => version.vatLines)).toEqual([vatLines, vatLines, vatLines]);
    expect(progress.at(-1)).toEqual({ done: 3, total: 4 });
  });
});
