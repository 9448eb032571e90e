import { describe, expect, it } from 'vitest';
import { changesOnlyStreams, listsEverything } from '../../src-shared/domain/stream-listing';
import { syncConnection } from '../../src-renderer/sync/sync-connection';
import { memoryCache } from '../support/memory-cache';
import { pagedInvoices } from '../support/paged-provider';
import { invoiceCount } from '../support/cached-invoices';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';

const normal = () => ({ full: false, signal: new AbortController().signal });
const full = () => ({ full: true, signal: new AbortController().signal });
const refs = async (db: ReturnType<typeof memoryCache>['db']) => (await cachedInvoices(db)).map((row) => row.providerRef);

describe('a normal sync and what the provider deleted', () => {
  it('removes, at the end of a walk from the start, what a stream that lists everything no longer lists', async () => {
    expect(listsEverything('aptic', 'invoices')).toBe(true);
    const { db } = memoryCache();
    const provider = pagedInvoices('a1', 450);
    const aptic = { id: 'a1', provider: 'aptic' as const };
    await syncConnection(db, provider.fetchPage, aptic, normal());
    provider.drop(['000007', '000300', '000449']);

    const counts: number[] = [];
    const watching: typeof provider.fetchPage = async (input) => {
      if (input.stream === 'invoices') counts.push(await invoiceCount(db));
      return provider.fetchPage(input);
    };
    await syncConnection(db, watching, aptic, normal());
    // Nothing disappears mid-walk; the last page removes exactly the three.
    expect(Math.min(...counts)).toBe(450);
    expect(await invoiceCount(db)).toBe(447);
    expect(await refs(db)).not.toContain('000300');
  });

  it('resumes an interrupted walk and still removes the leftovers when it completes', async () => {
    const { db } = memoryCache();
    const provider = pagedInvoices('a1', 450);
    const aptic = { id: 'a1', provider: 'aptic' as const };
    await syncConnection(db, provider.fetchPage, aptic, normal());
    provider.drop(['000010']);
    const failing: typeof provider.fetchPage = async (input) => {
      if (input.cursor === '200') throw new Error('Aptic: 503 Service Unavailable');
      return provider.fetchPage(input);
    };
    await expect(syncConnection(db, failing, aptic, normal())).rejects.toThrow(/503/);
    expect(await invoiceCount(db)).toBe(450);
    provider.calls.length = 0;
    await syncConnection(db, provider.fetchPage, aptic, normal());
    expect(provider.calls[0]).toBe('200');
    expect(await invoiceCount(db)).toBe(449);
  });

  it('keeps what a feed stopped listing until a full resync, and the connection says so', async () => {
    expect(changesOnlyStreams('confirma')).toEqual(['payments', 'settlements']);
    const { db } = memoryCache();
    const provider = pagedInvoices('k1', 250, 100, 'payments');
    const confirma = { id: 'k1', provider: 'confirma' as const };
    await syncConnection(db, provider.fetchPage, confirma, normal());
    provider.drop(['000001']);
    await syncConnection(db, provider.fetchPage, confirma, normal());
    expect(await invoiceCount(db)).toBe(250);
    await syncConnection(db, provider.fetchPage, confirma, full());
    expect(await invoiceCount(db)).toBe(249);
  });
});
