import { afterEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src-main/providers/sync-cursor';
import type { KnownPage } from '../../src-shared/rpc/sync-methods';
import { countedSync, type CountedSync } from './support/counted-sync';
import { walkInvoices } from './support/walk-invoices';

/** 2,500 invoices: three sync pages (1,000, 1,000, 500). */
const scale = 2_500;

/** The last walk's pages, in its order. */
async function knownPages(sync: CountedSync): Promise<KnownPage[]> {
  const rows = await sync.db.invoicePages.orderBy('seq').toArray();
  return rows.map((row) => row.page!);
}

const listed = (sync: CountedSync) => sync.requests.filter((request) => request.startsWith('GET /v1/Invoices?'));

describe('a walk handing main the pages the last walk committed', () => {
  let sync: CountedSync;
  afterEach(async () => sync?.close());

  it('has main fetch those after the page asked for before they are asked for', async () => {
    sync = await countedSync('aptic', { seed: 8, scale });
    await walkInvoices(sync);
    const known = await knownPages(sync);
    sync.requests.length = 0;

    const first = await sync.listPages()({ connectionId: sync.connection.id, stream: 'invoices', cursor: null, known });
    expect(first.unchanged).toBe(true);
    // The two pages after it, each all its provider pages: 1,000 and 500 invoices.
    await expect.poll(() => listed(sync).length, { timeout: 30_000 }).toBe(10 + 10 + 5);
    expect(listed(sync)).toContain('GET /v1/Invoices?$skip=2400&$top=100');
  }, 300_000);

  it('reads a page in full when the cursors it was handed disagree with what its first body says follows', async () => {
    sync = await countedSync('aptic', { seed: 9, scale });
    await walkInvoices(sync);
    const [page] = await knownPages(sync);
    expect(page!.nextCursor).toBe(encodeCursor({ skip: 1000 }));
    // Its hash, but a next cursor a provider page short: main fetches nine, the first body says ten.
    const short = { ...page!, nextCursor: encodeCursor({ skip: 900 }) };
    const read = await sync.listPages()({ connectionId: sync.connection.id, stream: 'invoices', cursor: null, known: [short] });
    expect(read.unchanged).toBeUndefined();
    expect(read.records).toHaveLength(1000);
    expect(read.pageHash).toBe(page!.pageHash);
  }, 300_000);
});
