import type { SyncStream } from '../../src-shared/domain/provider';
import type { Invoice } from '../../src-shared/domain/records';
import type { InvoiceDetail } from '../../src-shared/rpc/sync-methods';
import type { CacheDatabase } from '../db/cache-database';
import type { InvoiceChunk, InvoiceDirectoryRow } from '../db/invoice-chunks';
import { fetchDetailBatches, type FetchDetails } from './page-details';
import { SyncCancelled } from './sync-stopped';

/** Chunks whose VAT is fetched at once: their calls overlap the previous chunk's write. */
const chunksInFlight = 2;

export interface DrainProgress {
  /** Invoices whose VAT this drain has written, of `total` it found pending. */
  done: number;
  total: number;
}

/** An invoice of a chunk whose VAT was asked for, and what it was asked at. */
interface Asked {
  at: number;
  id: string;
  listHash: string | undefined;
  request: string;
}

/**
 * Fetches the VAT of every invoice of the connection whose VAT is pending (committed by the list
 * walk without it, `withCachedDetails`), a chunk at a time, and writes each chunk's answers in one
 * transaction. An answer is written only where the invoice's current version still has the list
 * hash it was asked at: an invoice whose list entry changed meanwhile stays pending for the next
 * drain. A failure throws after the answers already in are written, leaving the rest pending.
 */
export async function drainPendingVat(
  db: CacheDatabase,
  fetchDetails: FetchDetails,
  { connectionId, stream }: { connectionId: string; stream: SyncStream },
  { signal, onProgress }: { signal: AbortSignal; onProgress?: (progress: DrainProgress) => void },
): Promise<void> {
  // Read before the rows: a chunk above it is newer than the step (only a walk beside it adds one).
  const newest = Number((await db.invoiceDirectory.orderBy(':id').lastKey()) ?? 0);
  const rows = await connectionRows(db, connectionId);
  const latest = latestSeqs(rows);
  const work = rows.filter((row) => (row.vatPending ?? 0) > 0);
  const progress: DrainProgress = { done: 0, total: work.reduce((sum, row) => sum + row.vatPending!, 0) };
  if (progress.total === 0) return;
  onProgress?.({ ...progress });
  let next = 0;
  let failed = false;
  const drainChunks = async (): Promise<void> => {
    while (next < work.length && !failed) {
      if (signal.aborted) throw new SyncCancelled();
      const { seq } = work[next++]!;
      const chunk = await db.invoiceChunks.get(seq);
      if (!chunk || chunk.stream !== stream) continue;
      const asked: Asked[] = chunk.invoices.flatMap((invoice, at) =>
        invoice.vatPending !== undefined && latest.get(invoice.id) === seq ? [{ at, id: invoice.id, listHash: invoice.listHash, request: invoice.vatPending }] : [],
      );
      const answers = await fetchDetailBatches(fetchDetails, { connectionId, stream }, asked.map(({ request }) => request));
      // Awaited first: `done +=` would read `done` before another chunk's write added to it.
      const written = await writeVat(db, { seq, newest }, asked, answers);
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
function connectionRows(db: CacheDatabase, connectionId: string): Promise<InvoiceDirectoryRow[]> {
  return db.invoiceDirectory.filter((row) => row.connectionId === connectionId).toArray();
}

/** The chunk holding each invoice's current version: the last one listing it. */
function latestSeqs(rows: readonly InvoiceDirectoryRow[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const row of rows) for (const id of row.ids) latest.set(id, row.seq);
  return latest;
}

/**
 * Writes the answers into the chunk, in one transaction over it and its directory row; returns
 * how many it wrote. Skipped: a chunk gone (swept, connection removed), and an invoice that is no
 * longer the one asked about there (another list hash, no longer pending, or listed again in a
 * newer chunk). The chunks up to `newest` (the directory's last when the step began) were read
 * then, and `asked` holds only invoices no later one of them lists; so only chunks above it, which
 * a walk beside the step has added (none when the connection's lock holds), are read for ids.
 * Reading every chunk above `seq` instead made the step quadratic in the chunks.
 */
async function writeVat(db: CacheDatabase, { seq, newest }: { seq: number; newest: number }, asked: readonly Asked[], answers: readonly InvoiceDetail[]): Promise<number> {
  return db.transaction('rw', [db.invoiceChunks, db.invoiceDirectory], async () => {
    const [chunk, row] = await Promise.all([db.invoiceChunks.get(seq), db.invoiceDirectory.get(seq)]);
    if (!chunk || !row) return 0;
    const added = await db.invoiceDirectory.where(':id').above(Math.max(seq, newest)).filter((other) => other.connectionId === chunk.connectionId).toArray();
    const newer = new Set(added.flatMap((other) => other.ids));
    let written = 0;
    asked.forEach(({ at, id, listHash, request }, n) => {
      const invoice = chunk.invoices[at];
      if (!invoice || invoice.id !== id || invoice.listHash !== listHash || invoice.vatPending !== request || newer.has(id)) return;
      chunk.invoices[at] = withVat(invoice, answers[n]!.vatLines ?? null);
      written += 1;
    });
    if (written === 0) return 0;
    const stillPending = chunk.invoices.filter((invoice) => invoice.vatPending !== undefined).length;
    await db.invoiceChunks.put(chunk satisfies InvoiceChunk);
    const { vatPending: _count, ...rest } = row;
    await db.invoiceDirectory.put(stillPending > 0 ? { ...rest, vatPending: stillPending } : rest);
    return written;
  });
}

function withVat({ vatPending: _request, ...invoice }: Invoice, vatLines: Invoice['vatLines']): Invoice {
  return { ...invoice, vatLines };
}
