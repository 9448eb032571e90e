import { describe, expect, it } from 'vitest';
import type { SyncState } from '../../src-renderer/db/cache-database';
import { cachedInvoice, cachedInvoices, chunkOf, invoicesOf } from '../../src-renderer/db/invoice-chunks';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { loadInvoiceRows } from '../../src-renderer/queries/cache-queries';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { commitPage } from '../../src-renderer/sync/commit-page';
import { openWalk } from '../../src-renderer/sync/sync-state';
import type { Invoice } from '../../src-shared/domain/records';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';

const now = '2025-06-01T10:00:00.000Z';
const today = '2025-06-01';

/** Invoices that use every field the list reads: references in raw, credit notes, no customer name, unknown financing. */
function varied(connectionId: string, from: number, count: number, generation: number): Invoice[] {
  return Array.from({ length: count }, (_, i) => {
    const ref = String(from + i);
    return invoice(connectionId, ref, {
      provider: i % 7 === 0 ? 'flowtly' : 'aptic',
      raw: i % 7 === 0 ? { type: 'credit_note', parent: `/invoices/${from}` } : { ocr: `OCR${ref}`, clientReferenceNumber: i % 3 ? `R-${i}` : '', amount: i },
      customer: i % 5 === 0 ? { name: null, number: `K${i % 40}` } : { name: `Kund ${i % 40}`, number: null },
      issueDate: i % 11 === 0 ? null : '2025-01-01',
      dueDate: i % 13 === 0 ? null : `2025-0${1 + (i % 9)}-15`,
      currency: i % 4 === 0 ? 'EUR' : 'SEK',
      total: i * 101 + generation,
      paid: i % 2 ? 0 : i,
      outstanding: i % 2 ? i * 101 + generation : 0,
      status: (['open', 'overdue', 'paid', 'disputed', 'in-collection'] as const)[i % 5]!,
      financing: i % 6 === 0 ? 'unknown' : 'own-ledger',
      ...(i % 6 === 0 ? { providerFinancing: 'Sold?' } : {}),
      ...(i % 8 === 0 ? { vatPending: 'req' } : { vatLines: [{ rate: 2500, net: 80, vat: 20 }] }),
    });
  });
}

/**
 * A cache as the v5 release left it: chunks and their directory rows, nothing beside them. c1 is
 * in the middle of a sweeping walk (generation 2 re-listed some invoices in a later chunk,
 * generation 1 holds the others), c2 is done.
 */
async function v5Cache() {
  const v5 = memoryCache(schemaVersions.filter((v) => v.version <= 5));
  const chunks: { connectionId: string; generation: number; invoices: Invoice[] }[] = [
    { connectionId: 'c1', generation: 1, invoices: varied('c1', 10_000, 1_000, 1) },
    { connectionId: 'c1', generation: 1, invoices: varied('c1', 11_000, 1_000, 1) },
    { connectionId: 'c2', generation: 5, invoices: varied('c2', 10_000, 300, 5) },
    { connectionId: 'c1', generation: 2, invoices: varied('c1', 10_500, 700, 2) },
  ];
  // What v5's putInvoiceChunk wrote: a chunk, then its directory row under the same seq.
  for (const { connectionId, generation, invoices } of chunks) {
    const seq = (await v5.db.table('invoiceChunks').add({ connectionId, stream: 'invoices', generation, invoices })) as number;
    const vatPending = invoices.filter((item) => item.vatPending !== undefined).length;
    await v5.db.table('invoiceDirectory').add({ seq, connectionId, ids: invoices.map((item) => item.id), numbers: invoices.map((item) => item.number), vatPending });
  }
  const walk: SyncState = { connectionId: 'c1', stream: 'invoices', cursor: 'p12', generation: 2, sweep: true, lastSuccessAt: null, lastAttemptAt: null, lastError: null };
  await v5.db.syncState.put(walk);
  expect(v5.db.verno).toBe(5);
  v5.db.close();
  return { factory: v5.factory, walk };
}

/** The rows a load must give: each cached invoice's current version, as `toInvoiceRow` says it, by id. */
async function expectedRows(db: ReturnType<typeof memoryCache>['db']) {
  return (await cachedInvoices(db)).map(({ stream: _stream, generation: _generation, ...item }) => toInvoiceRow(item, today));
}

describe('a v5 cache opened by the layout with list columns', () => {
  it('gets columns beside every chunk, and its rows load from them as they loaded from the invoices', async () => {
    const { factory } = await v5Cache();
    const { db } = memoryCache(schemaVersions, factory);
    await db.open();
    expect(await db.invoiceColumns.count()).toBe(4);
    expect((await db.invoiceColumns.toCollection().primaryKeys()).sort()).toEqual((await db.invoiceChunks.toCollection().primaryKeys()).sort());
    const rows = await loadInvoiceRows(db, today);
    expect(rows).toHaveLength(2_300);
    expect(rows).toEqual(await expectedRows(db));
    expect(rows.find((row) => row.id === 'c1/10600')?.total).toBe(100 * 101 + 2);
  });

  it('resumes the interrupted walk: its last page writes columns too and sweeps chunks with theirs', async () => {
    const { factory, walk } = await v5Cache();
    const { db } = memoryCache(schemaVersions, factory);
    const resumed = await openWalk(db, 'c1', 'invoices', { full: false, listsEverything: true });
    expect(resumed).toEqual(walk);
    await commitPage(db, resumed, { records: varied('c1', 11_500, 10, 2), quarantined: [], nextCursor: null, progress: { done: 1 } }, now);
    expect((await loadInvoiceRows(db, today)).filter((row) => row.connectionId === 'c1').map((row) => row.id)).toEqual(
      [...varied('c1', 10_500, 700, 2), ...varied('c1', 11_500, 10, 2)].map((item) => item.id).sort(),
    );
    expect(await loadInvoiceRows(db, today)).toEqual(await expectedRows(db));
    expect(await db.invoiceColumns.count()).toBe(await db.invoiceChunks.count());
    expect(await db.invoiceDirectory.count()).toBe(await db.invoiceChunks.count());
  });

  it('removes a connection whole: chunks, directory and columns', async () => {
    const { factory } = await v5Cache();
    const { db } = memoryCache(schemaVersions, factory);
    await removeConnectionData(db, 'c1');
    expect(new Set((await loadInvoiceRows(db, today)).map((row) => row.connectionId))).toEqual(new Set(['c2']));
    expect(await db.invoiceColumns.count()).toBe(1);
    expect(await db.invoiceColumns.count()).toBe(await db.invoiceChunks.count());
  });

  it('loads a chunk whose columns are missing, of another format or of another length from the chunk itself', async () => {
    const { factory } = await v5Cache();
    const { db } = memoryCache(schemaVersions, factory);
    const [first, second, third] = await db.invoiceColumns.toCollection().primaryKeys();
    await db.invoiceColumns.delete(first!);
    await db.invoiceColumns.update(second!, { format: 0 as 1 });
    // Rewritten without its columns: an invoice fewer, so the old columns no longer line up.
    const chunk = (await db.invoiceChunks.get(third!))!;
    const invoices = invoicesOf(chunk).slice(1);
    await db.invoiceChunks.put(chunkOf(chunk.connectionId, chunk, invoices, third!));
    await db.invoiceDirectory.put({ seq: third!, connectionId: chunk.connectionId, ids: invoices.map((item) => item.id), numbers: invoices.map((item) => item.number) });
    expect(await loadInvoiceRows(db, today)).toEqual(await expectedRows(db));
    expect((await cachedInvoice(db, 'c1/10001'))?.raw).toEqual({ ocr: 'OCR10001', clientReferenceNumber: 'R-1', amount: 1 });
  });
});
