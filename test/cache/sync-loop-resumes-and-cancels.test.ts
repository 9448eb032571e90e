import { describe, expect, it } from 'vitest';
import type { SyncStream } from '../../src-shared/domain/provider';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { SyncCancelled, syncConnection, type FetchPage } from '../../src-renderer/sync/sync-connection';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';
import { invoiceCount } from '../support/cached-invoices';

/**
 * A page source over a fixed list, answering like sync.page: cursors are offsets as text.
 * (The end-to-end tests run the same loop against the sandboxes over real HTTP.)
 */
function pagesOf(count: number, pageSize: number, connectionId = 'a1') {
  const calls: Array<string | null> = [];
  const fetchPage: FetchPage = async ({ stream, cursor }) => {
    calls.push(cursor);
    if (stream !== 'invoices') return { records: [], quarantined: [], nextCursor: null, progress: { done: 0, total: 0 } };
    const start = cursor === null ? 0 : Number(cursor);
    const end = Math.min(start + pageSize, count);
    const records = [];
    for (let i = start; i < end; i++) records.push(invoice(connectionId, String(i).padStart(6, '0')));
    return { records, quarantined: [], nextCursor: end < count ? String(end) : null, progress: { done: end, total: count } } satisfies SyncPage;
  };
  return { fetchPage, calls };
}

const aptic = { id: 'a1', provider: 'aptic' as const };

describe('the sync loop', () => {
  it('pulls every stream to its end, counting pages and records', async () => {
    const { db } = memoryCache();
    const { fetchPage } = pagesOf(1_050, 100);
    const seen: Array<{ stream: SyncStream; pages: number; records: number; total: number | null }> = [];
    await syncConnection(db, fetchPage, aptic, { full: false, signal: new AbortController().signal, onProgress: (p) => seen.push(p) });
    expect(await invoiceCount(db)).toBe(1_050);
    expect(seen.filter((p) => p.stream === 'invoices').at(-1)).toMatchObject({ pages: 11, records: 1_050, total: 1_050 });
    expect(await db.syncState.get(['a1', 'invoices'])).toMatchObject({ cursor: null, lastError: null });
  });

  it('cancels after the page being written and resumes from its committed cursor', async () => {
    const { db } = memoryCache();
    const { fetchPage, calls } = pagesOf(1_000, 100);
    const controller = new AbortController();
    const run = syncConnection(db, fetchPage, aptic, {
      full: false,
      signal: controller.signal,
      onProgress: (p) => p.pages === 3 && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(SyncCancelled);
    expect(await invoiceCount(db)).toBe(300);
    expect((await db.syncState.get(['a1', 'invoices']))?.cursor).toBe('300');

    calls.length = 0;
    await syncConnection(db, fetchPage, aptic, { full: false, signal: new AbortController().signal });
    expect(calls[0]).toBe('300');
    expect(await invoiceCount(db)).toBe(1_000);
  });

  it('keeps what was written when a later page fails, and says so on the stream', async () => {
    const { db } = memoryCache();
    const { fetchPage } = pagesOf(500, 100);
    const failing: FetchPage = async (input) => {
      if (input.cursor === '300') throw new Error('Aptic: 503 Service Unavailable');
      return fetchPage(input);
    };
    await expect(syncConnection(db, failing, aptic, { full: false, signal: new AbortController().signal })).rejects.toThrow(/503/);
    expect(await invoiceCount(db)).toBe(300);
    expect(await db.syncState.get(['a1', 'invoices'])).toMatchObject({ cursor: '300', lastError: { code: 'internal', message: 'Aptic: 503 Service Unavailable' } });

    await syncConnection(db, fetchPage, aptic, { full: false, signal: new AbortController().signal });
    expect(await invoiceCount(db)).toBe(500);
    expect((await db.syncState.get(['a1', 'invoices']))?.lastError).toBeNull();
  });

  it('asks for page N+1 before page N is written', async () => {
    const { db } = memoryCache();
    const { fetchPage } = pagesOf(300, 100);
    const order: string[] = [];
    const tracing: FetchPage = async (input) => {
      order.push(`fetch ${input.cursor ?? 'start'}`);
      return fetchPage(input);
    };
    await syncConnection(db, tracing, aptic, {
      full: false,
      signal: new AbortController().signal,
      onProgress: (p) => order.push(`written ${p.records}`),
    });
    expect(order.slice(0, 4)).toEqual(['fetch start', 'fetch 100', 'written 100', 'fetch 200']);
  });

  it('rebuilds with a full resync without emptying the cache on the way', async () => {
    const { db } = memoryCache();
    await syncConnection(db, pagesOf(500, 100).fetchPage, aptic, { full: false, signal: new AbortController().signal });
    const counts: number[] = [];
    const shrunk = pagesOf(250, 100).fetchPage;
    const watching: FetchPage = async (input) => {
      if (input.stream === 'invoices') counts.push(await invoiceCount(db));
      return shrunk(input);
    };
    await syncConnection(db, watching, aptic, { full: true, signal: new AbortController().signal });
    expect(Math.min(...counts)).toBe(500);
    expect(await invoiceCount(db)).toBe(250);
  });

  it('finishes an interrupted full resync after a restart, then deletes the leftovers', async () => {
    const { db } = memoryCache();
    await syncConnection(db, pagesOf(500, 100).fetchPage, aptic, { full: false, signal: new AbortController().signal });
    const controller = new AbortController();
    await expect(
      syncConnection(db, pagesOf(200, 100).fetchPage, aptic, {
        full: true,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).rejects.toBeInstanceOf(SyncCancelled);
    expect(await invoiceCount(db)).toBe(500);
    // The app restarts and the user presses Sync: the full walk resumes and completes.
    await syncConnection(db, pagesOf(200, 100).fetchPage, aptic, { full: false, signal: new AbortController().signal });
    expect(await invoiceCount(db)).toBe(200);
  });
});
