import { describe, expect, it } from 'vitest';
import type { QuarantinedRecord } from '../../src-shared/domain/records';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { syncConnection, type FetchPage } from '../../src-renderer/sync/sync-connection';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';
import { connection, provider } from './support/hashed-pages-provider';

const sync = (db: ReturnType<typeof memoryCache>['db'], fetchPage: FetchPage, full = false) => syncConnection(db, fetchPage, connection, { full, signal: new AbortController().signal });
const totals = async (db: ReturnType<typeof memoryCache>['db']) => new Map((await cachedInvoices(db)).map((cached) => [cached.providerRef, cached.total]));
const amount = (total: number) => ({ total });

describe('a page kept unchanged', () => {
  it('is read again when an invoice of it came earlier in the walk, so the later page still holds its current version', async () => {
    const { db } = memoryCache();
    const served = provider([{ invoices: [invoice('aptic-1', 'a', amount(100)), invoice('aptic-1', 'b', amount(200))] }, { invoices: [invoice('aptic-1', 'c', amount(300)), invoice('aptic-1', 'd', amount(400))] }]);
    await sync(db, served.fetchPage);
    await sync(db, served.fetchPage);
    expect(served.asked.slice(2)).toEqual([
      { cursor: null, known: true },
      { cursor: '1', known: true },
    ]);
    expect(await db.invoiceChunks.count()).toBe(2);

    // The first page now also lists c, changed: c on the unchanged second page is its later listing.
    served.pages[0] = { invoices: [invoice('aptic-1', 'a', amount(100)), invoice('aptic-1', 'c', amount(999))] };
    served.asked.length = 0;
    await sync(db, served.fetchPage);
    expect(served.asked).toEqual([
      { cursor: null, known: true },
      { cursor: '1', known: true },
      { cursor: '1', known: false },
    ]);
    expect(await totals(db)).toEqual(new Map([['a', 100], ['c', 300], ['d', 400]]));
    const fresh = memoryCache().db;
    await sync(fresh, served.fetchPage, true);
    expect(await totals(db)).toEqual(await totals(fresh));
  });

  it('is never one with quarantined records: it is read again, so its quarantine stays listed', async () => {
    const { db } = memoryCache();
    const unreadable: QuarantinedRecord = { providerRef: 'x', kind: 'invoice', reason: 'field amount: expected a number', json: '{"invoiceGuid":"x"}' };
    const served = provider([{ invoices: [invoice('aptic-1', 'a')], quarantined: [unreadable] }, { invoices: [invoice('aptic-1', 'b')] }]);
    await sync(db, served.fetchPage);
    served.asked.length = 0;
    await sync(db, served.fetchPage);
    expect(served.asked).toEqual([
      { cursor: null, known: false },
      { cursor: '1', known: true },
    ]);
    expect((await db.quarantine.toArray()).map((entry) => entry.providerRef)).toEqual(['x']);
    expect([...(await totals(db)).keys()].sort()).toEqual(['a', 'b']);
  });
});
