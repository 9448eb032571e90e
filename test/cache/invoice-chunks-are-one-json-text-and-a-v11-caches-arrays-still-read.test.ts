import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../src-shared/domain/records';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { cachedInvoice, cachedInvoices, invoicesNumbered } from '../../src-renderer/db/invoice-chunks';
import { columnsOf } from '../../src-renderer/db/invoice-columns';
import { commitPage } from '../../src-renderer/sync/commit-page';
import { drainPendingVat } from '../../src-renderer/sync/drain-pending-vat';
import type { FetchDetails } from '../../src-renderer/sync/page-details';
import { openWalk } from '../../src-renderer/sync/sync-state';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';

const now = '2025-06-01T10:00:00.000Z';
const walk = { full: false, listsEverything: true };
const page = (records: SyncPage['records'], nextCursor: string | null): SyncPage => ({ records, quarantined: [], nextCursor, progress: { done: records.length } });
const vatLines = [{ rate: 2500, net: 80_00, vat: 20_00 }];
const answerEveryVat: FetchDetails = async ({ requests }) => ({ details: requests.map(() => ({ vatLines })) });
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The chunk rows as IndexedDB holds them, not through the app's reader. */
const storedChunks = (db: ReturnType<typeof memoryCache>['db']) => db.table<Record<string, unknown>>('invoiceChunks').toArray();

describe('invoice chunks', () => {
  it('are written by a sync as one JSON text of the page’s invoices, and read back as those invoices', async () => {
    const { db } = memoryCache();
    const invoices = [invoice('a1', '1', { raw: { ocr: '0001', clientReferenceNumber: 'R-1' } }), invoice('a1', '2', { vatLines: null, customer: { name: 'Åsa Öberg AB', number: 'K-2' } })];
    await commitPage(db, await openWalk(db, 'a1', 'invoices', walk), page(invoices, null), now);

    const [row] = await storedChunks(db);
    expect(typeof row!.text).toBe('string');
    expect(row!.invoices).toBeUndefined();
    expect(JSON.parse(row!.text as string)).toEqual(invoices);
    expect((await cachedInvoices(db)).map(({ stream: _s, generation: _g, ...rest }) => rest)).toEqual(invoices);
    expect((await cachedInvoice(db, 'a1/2'))?.customer.name).toBe('Åsa Öberg AB');
  });

  it('that a v11 cache wrote as arrays are read, get their VAT, and are swept by the next walk', async () => {
    const { db } = memoryCache();
    // As the v11 release wrote a page with its VAT pending: the chunk's invoices as an array, its directory, columns and page rows.
    const old = ['1', '2', '3'].map((ref) => invoice('a1', ref, { listHash: `h${ref}`, vatPending: `vat of ${ref}` }));
    const origin = { stream: 'invoices' as const, generation: 1 };
    const seq = (await db.table('invoiceChunks').add({ connectionId: 'a1', ...origin, invoices: old })) as number;
    await db.table('invoiceDirectory').add({ seq, connectionId: 'a1', ids: old.map((item) => item.id), numbers: old.map((item) => item.number), vatPending: 3 });
    await db.table('invoiceColumns').add(columnsOf(seq, old));
    await db.table('invoicePages').add({ seq, connectionId: 'a1', ...origin });
    await db.syncState.put({ connectionId: 'a1', stream: 'invoices', cursor: null, generation: 1, sweep: false, lastSuccessAt: now, lastAttemptAt: now, lastError: null });

    const withOrigin = (items: Invoice[]) => items.map((item) => ({ ...item, ...origin }));
    expect(await cachedInvoices(db)).toEqual(withOrigin(old));
    expect(await invoicesNumbered(db, ['2'])).toEqual(withOrigin([old[1]!]));

    await drainPendingVat(db, answerEveryVat, { connectionId: 'a1', stream: 'invoices' }, { signal: new AbortController().signal });
    const answered = old.map(({ vatPending: _request, ...item }) => ({ ...item, vatLines }));
    expect(await cachedInvoices(db)).toEqual(withOrigin(answered));
    // Rewritten by the VAT step: as a text now, nothing else of the row changed.
    const [rewritten] = await storedChunks(db);
    expect(rewritten).toMatchObject({ seq, connectionId: 'a1', ...origin });
    expect(rewritten!.invoices).toBeUndefined();
    expect(JSON.parse(rewritten!.text as string)).toEqual(answered);

    // The next walk lists 2 and 4: its sweep deletes the v11 chunk, 1 and 3 go.
    const next = [invoice('a1', '2', { listHash: 'h2' }), invoice('a1', '4', { listHash: 'h4' })];
    await commitPage(db, await openWalk(db, 'a1', 'invoices', walk), page(next, null), now);
    expect((await cachedInvoices(db)).map(({ id }) => id)).toEqual(['a1/2', 'a1/4']);
    expect((await storedChunks(db)).map((row) => row.seq)).not.toContain(seq);
    expect((await cachedInvoices(db)).sort(byId)).toEqual(next.map((item) => ({ ...item, stream: 'invoices', generation: 2 })));
  });
});
