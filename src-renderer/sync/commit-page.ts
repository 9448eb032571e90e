import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import type { Invoice } from '../../src-shared/domain/records';
import type { CacheDatabase, CachedCase, CachedEvent, CachedQuarantine, SyncState } from '../db/cache-database';
import { deleteInvoiceChunks, invoiceTables, keepInvoiceChunk, putInvoiceChunk } from '../db/invoice-chunks';
import { caseInvoiceNumbers } from '../db/schema-versions';
import { sweepEvents } from './kept-details';
import { SyncSuperseded } from './sync-stopped';
import type { KeptChunk } from './unchanged-pages';

/**
 * A page as the sync commits it: `kept`, on a page main answered `unchanged`, is the chunk of the
 * last walk it keeps (sync/unchanged-pages.ts).
 */
export type PageToCommit = SyncPage & { kept?: KeptChunk };

/**
 * Writes one page and the cursor that follows it in ONE transaction, so the cursor only moves
 * when its records are stored: a crash, cancel or lost network resumes exactly there.
 * The page that ends a sweeping walk also deletes what the provider no longer lists (events: see
 * `sweepEvents`).
 * `state` is the walk as the page was fetched (its cursor is the page's own).
 * Records the provider sent but main could not read are kept in `quarantine` in the same
 * transaction; the first page of a walk clears the stream's old ones, so a record that reads
 * now is stored and leaves quarantine, and one that still does not is listed once.
 * An unchanged page writes no invoice: its chunk moves into this walk (`keepInvoiceChunk`). A page
 * of invoices alone, all of them read, is stored with its hash, so the next walk may keep it so;
 * one with quarantined records is not (its quarantine would be lost), and is read again.
 */
export function commitPage(db: CacheDatabase, state: SyncState, page: PageToCommit, now: string): Promise<SyncState> {
  return commitPages(db, state, [page], now);
}

/**
 * Writes consecutive pages as `commitPage` writes one, all in ONE transaction with the cursor
 * after the last: a run of unchanged pages costs one transaction, and a kill resumes at its
 * first page or after its last, never inside it. A run of kept pages alone that ends no sweep
 * locks only the small rows it moves and the walk's, so the walk may read the invoice
 * directory (`keptAt`) for the next pages meanwhile.
 */
export async function commitPages(db: CacheDatabase, state: SyncState, pages: readonly PageToCommit[], now: string): Promise<SyncState> {
  const origin = { stream: state.stream, generation: state.generation };
  let cursor = state.cursor;
  const written = pages.map((page) => {
    if (page.unchanged && !page.kept) throw new Error(`An unchanged page of ${state.connectionId} ${state.stream} arrived without the chunk it keeps.`);
    const invoices: Invoice[] = [];
    const events: CachedEvent[] = [];
    const cases: CachedCase[] = [];
    for (const record of page.records) {
      if (record.connectionId !== state.connectionId) {
        throw new Error(`A record for connection ${record.connectionId} arrived in a sync of ${state.connectionId}.`);
      }
      if (record.kind === 'invoice') invoices.push(record);
      else if (record.kind === 'ledger-event') events.push({ ...record, ...origin });
      else cases.push({ ...record, ...origin, invoiceNumbers: caseInvoiceNumbers(record) });
    }
    const quarantined: CachedQuarantine[] = page.quarantined.map((entry) => ({ ...entry, connectionId: state.connectionId, stream: state.stream }));
    const onlyInvoices = page.pageHash !== undefined && quarantined.length === 0 && events.length === 0 && cases.length === 0;
    const made = onlyInvoices ? { cursor, pageHash: page.pageHash!, nextCursor: page.nextCursor } : undefined;
    cursor = page.nextCursor;
    return { kept: page.kept, invoices, events, cases, quarantined, made };
  });
  const finished = cursor === null;
  const walkStarts = state.cursor === null;
  const sweeps = finished && state.sweep;
  const keptOnly = !sweeps && written.every((page) => page.kept && page.invoices.length + page.events.length + page.cases.length === 0);
  const tables = keptOnly ? [db.invoicePages] : [...invoiceTables(db), db.events, db.keptDetails, db.keptDetailEvents, db.cases];

  return db.transaction('rw', [...tables, db.syncState, db.quarantine], async () => {
    await refuseUnlessStillOwned(db, state);
    if (walkStarts) await db.quarantine.where('[connectionId+stream]').equals([state.connectionId, state.stream]).delete();
    for (const page of written) {
      if (page.quarantined.length > 0) await db.quarantine.bulkAdd(page.quarantined);
      if (page.kept) await keepInvoiceChunk(db, page.kept.seq, state.connectionId, origin, page.kept.page);
      if (page.invoices.length > 0) await putInvoiceChunk(db, state.connectionId, origin, page.invoices, page.made);
      if (page.events.length > 0) await db.events.bulkPut(page.events);
      if (page.cases.length > 0) await db.cases.bulkPut(page.cases);
    }
    if (sweeps) {
      const key = [state.connectionId, state.stream];
      const stale = (row: { generation: number }) => row.generation < state.generation;
      await deleteInvoiceChunks(db, state.connectionId, { stream: state.stream, below: state.generation });
      await sweepEvents(db, state);
      await db.cases.where('[connectionId+stream]').equals(key).filter(stale).delete();
    }
    const next: SyncState = finished
      ? { ...state, cursor: null, sweep: false, lastAttemptAt: now, lastSuccessAt: now, lastError: null }
      : { ...state, cursor, lastAttemptAt: now };
    await db.syncState.put(next);
    return next;
  });
}

/**
 * Read inside the page's transaction: the stored walk must still be this one, at this page. Gone
 * means the connection was removed; another generation or cursor means another walk (another
 * window, a full resync) has written since. Either way this page must not be written, or it
 * would be an orphan, or a generation going backwards whose rows the other walk's sweep deletes.
 */
async function refuseUnlessStillOwned(db: CacheDatabase, walk: SyncState): Promise<void> {
  const stored = await db.syncState.get([walk.connectionId, walk.stream]);
  if (stored?.generation !== walk.generation || stored.cursor !== walk.cursor) throw new SyncSuperseded(walk.connectionId, walk.stream);
}
