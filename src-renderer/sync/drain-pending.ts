import type { SyncStream } from '../../src-shared/domain/provider';
import type { Invoice } from '../../src-shared/domain/records';
import { maxDetailRequestsPerCall, type InvoiceDetail } from '../../src-shared/rpc/sync-methods';
import type { CacheDatabase } from '../db/cache-database';
import { chunkOf, invoicesOf, pendingCounts, type InvoiceDirectoryRow, type PendingField } from '../db/invoice-chunks';
import type { FetchDetails } from './page-details';
import { SyncCancelled } from './sync-stopped';

/** Chunks whose details are fetched at once: their calls overlap the previous chunk's write. */
const chunksInFlight = 2;

export interface DrainProgress {
  /** Invoices whose details this drain has written, of `total` it found pending. */
  done: number;
  total: number;
}

/** An invoice of a chunk whose details were asked for, and what it was asked at. */
export interface Asked {
  at: number;
  id: string;
  listHash: string | undefined;
  request: string;
}

/** An invoice whose answer a drain writes: as the chunk now holds it, with the answer and what was asked. */
export interface Answered {
  invoice: Invoice;
  asked: Asked;
  answer: InvoiceDetail;
}

/**
 * One kind of per-invoice detail a list walk (`listStream`) leaves pending in the invoices it
 * commits (`field`, the request that reads it), fetched by `detailStream`'s `sync.details` calls and written by
 * `write`: it returns each invoice as it is to be stored and writes anything beside it, in the
 * chunk's transaction, whose further stores are `tables`.
 */
export interface PendingKind {
  field: PendingField;
  listStream: SyncStream;
  detailStream: SyncStream;
  tables: (db: CacheDatabase) => Parameters<CacheDatabase['transaction']>[1][];
  write: (answered: readonly Answered[]) => Promise<Invoice[]>;
  /** Run once there is work, before any call. */
  begin?: () => Promise<void>;
}

/**
 * Fetches the pending details (`kind`) of every invoice of the connection, a chunk at a time, and
 * writes each chunk's answers in one transaction. An answer is written only where the invoice's
 * current version still has the list hash and request it was asked at: an invoice whose list
 * entry changed meanwhile stays pending for the next drain. A failure throws after the answers
 * already in are written, leaving the rest pending.
 */
export async function drainPending(
  db: CacheDatabase,
  fetchDetails: FetchDetails,
  kind: PendingKind,
  connectionId: string,
  { signal, onProgress }: { signal: AbortSignal; onProgress?: (progress: DrainProgress) => void },
): Promise<void> {
  const { field } = kind;
  // Read before the rows: a chunk above it is newer than the step (only a walk beside it adds one).
  const newest = Number((await db.invoiceDirectory.orderBy(':id').lastKey()) ?? 0);
  const rows = await connectionRows(db, connectionId);
  const latest = latestSeqs(rows);
  const work = rows.filter((row) => (row[field] ?? 0) > 0);
  const progress: DrainProgress = { done: 0, total: work.reduce((sum, row) => sum + row[field]!, 0) };
  if (progress.total === 0) return;
  onProgress?.({ ...progress });
  await kind.begin?.();
  let next = 0;
  let failed = false;
  const drainChunks = async (): Promise<void> => {
    while (next < work.length && !failed) {
      if (signal.aborted) throw new SyncCancelled();
      const { seq } = work[next++]!;
      const chunk = await db.invoiceChunks.get(seq);
      if (!chunk || chunk.stream !== kind.listStream) continue;
      const asked: Asked[] = invoicesOf(chunk).flatMap((invoice, at) => {
        const request = invoice[field];
        return request !== undefined && latest.get(invoice.id) === seq ? [{ at, id: invoice.id, listHash: invoice.listHash, request }] : [];
      });
      const answers = await fetchDetailBatches(fetchDetails, { connectionId, stream: kind.detailStream }, asked.map(({ request }) => request));
      // Awaited first: `done +=` would read `done` before another chunk's write added to it.
      const written = await writeAnswers(db, kind, { seq, newest }, asked, answers);
      progress.done += written;
      onProgress?.({ ...progress });
    }
  };
  // One chunk failing stops the others taking more; the step ends only once each has stopped, so
  // nothing of it writes or reports progress after the sync has ended (a Sync pressed again at
  // once would otherwise find its late progress, and run beside its late writes).
  const workers = await Promise.allSettled(
    Array.from({ length: chunksInFlight }, () =>
      drainChunks().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = workers.find((worker) => worker.status === 'rejected');
  if (failure) throw failure.reason;
}

/** The connection's directory rows, in `seq` order. */
export function connectionRows(db: CacheDatabase, connectionId: string): Promise<InvoiceDirectoryRow[]> {
  return db.invoiceDirectory.filter((row) => row.connectionId === connectionId).toArray();
}

/** The chunk holding each invoice's current version: the last one listing it. */
function latestSeqs(rows: readonly InvoiceDirectoryRow[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const row of rows) for (const id of row.ids) latest.set(id, row.seq);
  return latest;
}

/**
 * Writes the answers into the chunk, in one transaction over it, its directory row and the kind's
 * tables; returns how many it wrote. Skipped: a chunk gone (swept, connection removed), and an
 * invoice that is no longer the one asked about there (another list hash, no longer pending with
 * that request, or listed again in a newer chunk). The chunks up to `newest` (the directory's last
 * when the step began) were read then, and `asked` holds only invoices no later one of them lists;
 * so only chunks above it, which a walk beside the step has added (none when the connection's lock
 * holds), are read for ids. Reading every chunk above `seq` instead made the step quadratic in the chunks.
 */
async function writeAnswers(db: CacheDatabase, kind: PendingKind, { seq, newest }: { seq: number; newest: number }, asked: readonly Asked[], answers: readonly InvoiceDetail[]): Promise<number> {
  return db.transaction('rw', [db.invoiceChunks, db.invoiceDirectory, ...kind.tables(db)], async () => {
    const [chunk, row] = await Promise.all([db.invoiceChunks.get(seq), db.invoiceDirectory.get(seq)]);
    if (!chunk || !row) return 0;
    const invoices = invoicesOf(chunk);
    const added = await db.invoiceDirectory.where(':id').above(Math.max(seq, newest)).filter((other) => other.connectionId === chunk.connectionId).toArray();
    const newer = new Set(added.flatMap((other) => other.ids));
    const answered: Answered[] = [];
    asked.forEach((one, n) => {
      const invoice = invoices[one.at];
      if (!invoice || invoice.id !== one.id || invoice.listHash !== one.listHash || invoice[kind.field] !== one.request || newer.has(one.id)) return;
      answered.push({ invoice, asked: one, answer: answers[n]! });
    });
    if (answered.length === 0) return 0;
    const stored = await kind.write(answered);
    answered.forEach(({ asked: { at } }, n) => (invoices[at] = stored[n]!));
    await db.invoiceChunks.put(chunkOf(chunk.connectionId, chunk, invoices, seq));
    const { vatPending: _vat, detailsPending: _details, ...rest } = row;
    await db.invoiceDirectory.put({ ...rest, ...pendingCounts(invoices) });
    return answered.length;
  });
}

/**
 * The details of `requests`, in order, asked for in batches all at once: main paces their
 * calls with the provider (src-main/providers/detail-limiter.ts).
 */
async function fetchDetailBatches(fetchDetails: FetchDetails, { connectionId, stream }: { connectionId: string; stream: SyncStream }, requests: readonly string[]): Promise<InvoiceDetail[]> {
  const batches = Array.from({ length: Math.ceil(requests.length / maxDetailRequestsPerCall) }, (_, n) => requests.slice(n * maxDetailRequestsPerCall, (n + 1) * maxDetailRequestsPerCall));
  const answers = await Promise.all(batches.map((batch) => fetchDetails({ connectionId, stream, requests: batch })));
  return batches.flatMap((batch, b) => {
    const { details } = answers[b]!;
    if (details.length !== batch.length) throw new Error(`sync.details answered ${details.length} details for ${batch.length} invoices.`);
    return details;
  });
}
