import Dexie from 'dexie';
import type { SyncStream } from '../../src-shared/domain/provider';
import type { Invoice } from '../../src-shared/domain/records';
import type { KnownPage } from '../../src-shared/rpc/sync-methods';
import type { CacheDatabase, CachedInvoice, SyncOrigin } from './cache-database';
import { amountFields, columnsFormat, columnsOf, textFields, type InvoiceColumns } from './invoice-columns';

/**
 * Invoices are stored a page at a time: one `invoiceChunks` row per committed page (the page's
 * invoices, ~1,000) and beside it one `invoiceDirectory` row under the same `seq` with the
 * chunk's ids and numbers, and one `invoiceColumns` row with what the invoice list needs of them
 * (db/invoice-columns.ts). Measured (test/bench/cache-layouts.bench.ts) a chunk of 1,000 writes
 * ~40× faster than 1,000 records with indexes, and a multi-entry index of ids costs nearly as
 * much as the records did; the directory is small enough to read whole for a lookup.
 *
 * Whatever rewrites a chunk's invoices rewrites its columns (`columnsOf`) in the same transaction
 * when a field the list reads changes; a load that finds columns of another length or format
 * makes them from the chunk.
 *
 * A later chunk holds a newer version of an invoice: an id's version is the one in the chunk with
 * the highest `seq`, as `bulkPut` of records let the last write win. Old versions go when the
 * sweep at the end of a walk deletes the stream's chunks of older generations; every invoice
 * stream lists everything (src-shared/domain/stream-listing), so each walk of one sweeps.
 *
 * A chunk's walk is its `invoicePages` row's (`InvoicePageRow`): a walk that finds a page
 * unchanged keeps its chunk, and so its `seq`, moving only that small row into its generation
 * (`keepInvoiceChunk`). The chunk's own `stream` and `generation` are the walk that wrote it.
 */
export type InvoiceChunk = SyncOrigin & {
  seq?: number;
  connectionId: string;
} & (
    | {
        /**
         * The chunk's invoices as one JSON text: IndexedDB clones one string for a few µs, where
         * cloning 1,000 invoices object by object, with their raw fields, was the largest part of a
         * list sync's renderer CPU (measured in the commit that made it so). Read through `invoicesOf`.
         */
        text: string;
        invoices?: never;
      }
    | {
        /** As chunks were written up to schema v11 (and by its upgrades): still read, never written by a sync. */
        invoices: Invoice[];
        text?: never;
      }
  );

/** A chunk's invoices, whichever way it was written. */
export function invoicesOf(chunk: InvoiceChunk): Invoice[] {
  // The text is what `chunkOf` wrote from `Invoice[]`: parsed back, it is that again.
  return chunk.text === undefined ? chunk.invoices : (JSON.parse(chunk.text) as Invoice[]);
}

/** The row a chunk of these invoices is stored as. */
export function chunkOf(connectionId: string, origin: SyncOrigin, invoices: readonly Invoice[], seq?: number): InvoiceChunk {
  return { ...(seq === undefined ? {} : { seq }), connectionId, stream: origin.stream, generation: origin.generation, text: JSON.stringify(invoices) };
}

export interface InvoiceDirectoryRow {
  seq: number;
  connectionId: string;
  /** The chunk's invoices' ids and numbers, position by position. */
  ids: string[];
  numbers: string[];
  /** How many of the chunk's invoices have their VAT pending (absent: none), so a drain reads only those chunks. */
  vatPending?: number;
  /** The same for their detail events (`Invoice.detailsPending`). */
  detailsPending?: number;
}

/**
 * Beside each chunk under its `seq` (schema v10): the walk that last saw it (`stream`,
 * `generation`: the sweep goes by these), and the page it was committed from, as the next walk
 * hands it back to main (`KnownPage`). Without `page` (a page with records main could not read,
 * or a chunk not written by a walk) the chunk is never kept unchanged. A chunk without a row
 * (written before v10) is as old as its own generation.
 */
export interface InvoicePageRow extends SyncOrigin {
  seq: number;
  connectionId: string;
  page?: KnownPage;
}

/** The stores one chunk of invoices is written to: a transaction that writes or deletes chunks names these. */
export function invoiceTables(db: CacheDatabase) {
  return [db.invoiceChunks, db.invoiceDirectory, db.invoiceColumns, db.invoicePages];
}

/**
 * The stores a read of the cached invoices needs: not `invoicePages`, which says only which walk
 * last saw each chunk. So a read (a whole-cache snapshot as a sync starts) never holds up a walk's
 * run of unchanged pages, which writes only those rows and the walk's cursor.
 */
export function listedTables(db: CacheDatabase) {
  return [db.invoiceChunks, db.invoiceDirectory, db.invoiceColumns];
}

/** Writes one page's invoices as one chunk; call inside a transaction over `invoiceTables`. */
export async function putInvoiceChunk(db: CacheDatabase, connectionId: string, origin: SyncOrigin, invoices: Invoice[], page?: KnownPage): Promise<void> {
  const seq = await db.invoiceChunks.add(chunkOf(connectionId, origin, invoices));
  await Promise.all([
    db.invoiceDirectory.add({ seq, connectionId, ids: invoices.map((invoice) => invoice.id), numbers: invoices.map((invoice) => invoice.number), ...pendingCounts(invoices) }),
    db.invoiceColumns.add(columnsOf(seq, invoices)),
    db.invoicePages.add({ seq, connectionId, ...origin, ...(page ? { page } : {}) }),
  ]);
}

/** The directory row's counts of a chunk's pending details: only those above none are present. */
export function pendingCounts(invoices: readonly Invoice[]): Pick<InvoiceDirectoryRow, PendingField> {
  const counts: Pick<InvoiceDirectoryRow, PendingField> = {};
  for (const field of pendingFields) {
    const count = invoices.filter((invoice) => invoice[field] !== undefined).length;
    if (count > 0) counts[field] = count;
  }
  return counts;
}

/** The per-invoice details a sync step fills in after the list (each an `Invoice` field and a directory count). */
export const pendingFields = ['vatPending', 'detailsPending'] as const;
export type PendingField = (typeof pendingFields)[number];

/**
 * Moves a chunk a walk found unchanged into the walk (`origin`), so its sweep spares it; the
 * chunk itself is not rewritten. Call inside a transaction over `invoiceTables`. Throws unless the
 * chunk is the connection's, of this stream, from an earlier walk, and was made from `page`.
 */
export async function keepInvoiceChunk(db: CacheDatabase, seq: number, connectionId: string, origin: SyncOrigin, page: KnownPage): Promise<void> {
  const row = await db.invoicePages.get(seq);
  const same = row?.page?.pageHash === page.pageHash && row.page.cursor === page.cursor && row.page.nextCursor === page.nextCursor;
  if (!row || !same || row.connectionId !== connectionId || row.stream !== origin.stream || row.generation >= origin.generation) {
    throw new Error(`Invoice chunk ${seq} is not the unchanged page of ${connectionId} ${origin.stream} it was taken for.`);
  }
  await db.invoicePages.put({ ...row, generation: origin.generation });
}

/** The pages whose chunks a stream's walk at `generation` may keep: the last walk's, each with its page's hash. */
export async function earlierWalkPages(db: CacheDatabase, connectionId: string, { stream, generation }: SyncOrigin): Promise<Array<InvoicePageRow & { page: KnownPage }>> {
  const rows = await db.invoicePages.where('[connectionId+stream]').equals([connectionId, stream]).toArray();
  return rows.filter((row): row is InvoicePageRow & { page: KnownPage } => row.page !== undefined && row.generation < generation);
}

/**
 * Deletes a connection's chunks (all of them, or one stream's below a generation: a sweep).
 * No chunk is read: a sweep reads key ranges and the small rows of chunks written before
 * `below` (a chunk's row is in its walk or a later one), and deletes those whose row is older.
 */
export async function deleteInvoiceChunks(db: CacheDatabase, connectionId: string, stream?: { stream: SyncStream; below: number }): Promise<void> {
  const range = stream
    ? db.invoiceChunks.where('[connectionId+stream+generation]').between([connectionId, stream.stream, Dexie.minKey], [connectionId, stream.stream, stream.below], true, false)
    : db.invoiceChunks.where('[connectionId+stream+generation]').between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true);
  const written = await range.primaryKeys();
  const rows = stream ? await db.invoicePages.bulkGet(written) : [];
  const seqs = stream ? written.filter((_, at) => (rows[at]?.generation ?? -Infinity) < stream.below) : written;
  await Promise.all([db.invoiceChunks.bulkDelete(seqs), db.invoiceDirectory.bulkDelete(seqs), db.invoiceColumns.bulkDelete(seqs), db.invoicePages.bulkDelete(seqs)]);
}

/** The first read is small, so a screen can show the first invoices while the rest is read. */
const chunksFirstRead = 2;
const chunksPerRead = 8;

/**
 * Calls `visit` with the current version of every cached invoice, a few chunks at a time so the
 * raw records are never all in memory at once. An invoice a later chunk holds again is visited
 * again: the last visit of an id is its current version (see `cachedInvoices` for the rule).
 * The next chunks are asked for before this read's are visited, so the disk and the visits overlap.
 */
export async function eachInvoiceVersion(db: CacheDatabase, visit: (invoice: Invoice, origin: SyncOrigin) => void): Promise<void> {
  const read = (after: number, limit: number) => db.invoiceChunks.where(':id').above(after).limit(limit).toArray();
  let limit = chunksFirstRead;
  let next = read(-Infinity, limit);
  for (;;) {
    const chunks = await next;
    const more = chunks.length === limit;
    if (more) next = read(chunks[chunks.length - 1]!.seq!, (limit = chunksPerRead));
    for (const chunk of chunks) for (const invoice of invoicesOf(chunk)) visit(invoice, chunk);
    if (!more) return;
  }
}

/** One chunk as the invoice list reads it: its ids and numbers (the directory's) and its columns. */
export interface ListedChunk {
  ids: readonly string[];
  numbers: readonly string[];
  columns: InvoiceColumns;
}

/** Whether a chunk's columns are of this format and of as many invoices as its directory row: else they are made from the chunk. */
function columnsFit(columns: InvoiceColumns | undefined, count: number): columns is InvoiceColumns {
  return (
    columns?.format === columnsFormat &&
    columns.codes.length === textFields.length * count &&
    columns.amounts.length === amountFields.length * count &&
    columns.references.length === count
  );
}

/**
 * Calls `visit` with every chunk's ids, numbers and columns, in `seq` order (a later chunk's
 * version of an invoice comes later, as in `eachInvoiceVersion`), without reading the chunks
 * themselves. A chunk whose columns are missing or of another format (written by something that
 * wrote the chunk alone) is read whole and its columns made from it.
 */
export async function eachListedChunk(db: CacheDatabase, visit: (chunk: ListedChunk) => void): Promise<void> {
  const read = (after: number, limit: number) =>
    db.transaction('r', listedTables(db), async () => {
      const seqs = await db.invoiceChunks.where(':id').above(after).limit(limit).primaryKeys();
      const [rows, columns] = await Promise.all([db.invoiceDirectory.bulkGet(seqs), db.invoiceColumns.bulkGet(seqs)]);
      const whole = seqs.filter((_, at) => !rows[at] || !columnsFit(columns[at], rows[at].ids.length));
      const chunks = new Map(whole.length === 0 ? [] : (await db.invoiceChunks.bulkGet(whole)).flatMap((chunk) => (chunk ? [[chunk.seq!, chunk] as const] : [])));
      const listed = seqs.flatMap((seq, at): ListedChunk[] => {
        const chunk = chunks.get(seq);
        if (!chunk) return [{ ids: rows[at]!.ids, numbers: rows[at]!.numbers, columns: columns[at]! }];
        const invoices = invoicesOf(chunk);
        return [{ ids: invoices.map((invoice) => invoice.id), numbers: invoices.map((invoice) => invoice.number), columns: columnsOf(seq, invoices) }];
      });
      return { listed, last: seqs[seqs.length - 1] };
    });
  let limit = chunksFirstRead;
  let next = read(-Infinity, limit);
  for (;;) {
    const { listed, last } = await next;
    const more = listed.length === limit && last !== undefined;
    if (more) next = read(last, (limit = chunksPerRead));
    for (const chunk of listed) visit(chunk);
    if (!more) return;
  }
}

/** Every cached invoice once, its current version, ordered by id. */
export async function cachedInvoices(db: CacheDatabase): Promise<CachedInvoice[]> {
  const byId = new Map<string, CachedInvoice>();
  await eachInvoiceVersion(db, (invoice, { stream, generation }) => byId.set(invoice.id, { ...invoice, stream, generation }));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where the current version of a cached invoice is: its chunk and position; and its number. */
export interface Located {
  seq: number;
  at: number;
  number: string;
  connectionId: string;
}

/** Every cached invoice's id, with where its current version is; from the directory alone. */
export async function invoiceDirectory(db: CacheDatabase): Promise<Map<string, Located>> {
  const located = new Map<string, Located>();
  // Ascending seq: a later chunk's entry replaces an earlier one's.
  await db.invoiceDirectory.each((row) => {
    row.ids.forEach((id, at) => located.set(id, { seq: row.seq, at, number: row.numbers[at]!, connectionId: row.connectionId }));
  });
  return located;
}

/**
 * The current versions of the cached invoices `wanted` picks by id and number, read from the
 * directory and then only the chunks that hold them. Ordered by id.
 */
export async function invoicesWhere(db: CacheDatabase, wanted: (id: string, number: string) => boolean): Promise<CachedInvoice[]> {
  const picked = [...(await invoiceDirectory(db))].filter(([id, { number }]) => wanted(id, number));
  const seqs = [...new Set(picked.map(([, { seq }]) => seq))];
  const chunks = new Map((await db.invoiceChunks.bulkGet(seqs)).flatMap((chunk) => (chunk ? [[chunk.seq!, { ...chunk, invoices: invoicesOf(chunk) }] as const] : [])));
  return picked
    .flatMap(([, { seq, at }]) => {
      const chunk = chunks.get(seq);
      const invoice = chunk?.invoices[at];
      return chunk && invoice ? [{ ...invoice, stream: chunk.stream, generation: chunk.generation }] : [];
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One cached invoice by id, or undefined. */
export async function cachedInvoice(db: CacheDatabase, id: string): Promise<CachedInvoice | undefined> {
  return (await invoicesWhere(db, (candidate) => candidate === id))[0];
}

/** The cached invoices with any of these numbers. */
export async function invoicesNumbered(db: CacheDatabase, numbers: Iterable<string>): Promise<CachedInvoice[]> {
  const wanted = new Set(numbers);
  return wanted.size === 0 ? [] : invoicesWhere(db, (_, number) => wanted.has(number));
}

/** How many invoices the cache holds per connection. */
export async function invoiceCountsByConnection(db: CacheDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { connectionId } of (await invoiceDirectory(db)).values()) counts.set(connectionId, (counts.get(connectionId) ?? 0) + 1);
  return counts;
}

/** Every connection id the invoice chunks hold. */
export async function invoiceConnectionIds(db: CacheDatabase): Promise<string[]> {
  const keys = await db.invoiceChunks.orderBy('[connectionId+stream+generation]').uniqueKeys();
  return [...new Set(keys.map((key) => String((key as unknown[])[0])))];
}
