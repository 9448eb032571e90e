import type { SyncStream } from '../../src-shared/domain/provider';
import type { Invoice } from '../../src-shared/domain/records';
import type { PendingDetail, SyncDetails, SyncPage } from '../../src-shared/rpc/sync-methods';
import { pendingInvoicesOf } from '../../src-shared/rpc/packed-sync-page';
import type { CacheDatabase } from '../db/cache-database';
import { invoiceDirectory, invoicesOf, type Located } from '../db/invoice-chunks';
import { heldDetails, type HeldDetails } from './kept-details';
import type { FetchPage } from './sync-connection';

type PageInput = Parameters<FetchPage>[0];
export type FetchDeferredPage = (input: PageInput & { deferDetails: true }) => Promise<SyncPage>;
export type FetchDetails = (input: { connectionId: string; stream: SyncStream; requests: string[] }) => Promise<SyncDetails>;

/**
 * A page source that fetches per-invoice details only for invoices whose list entry changed:
 * pages are asked for with their details deferred, and each pending invoice whose cached detail
 * was read at the same `listHash` keeps it. The cache is the only record of what was fetched:
 * main keeps nothing. `full` (Full resync) trusts nothing cached and fetches every detail again.
 *
 * Nothing is fetched here: the page is handed on at once with the changed invoices' details
 * marked pending, each with the request that reads it, so the list commits without waiting for
 * one call per invoice, and the sync's steps after the walk fill them in. An invoice's VAT
 * (`vatPending`, `drainPendingVat`) is pending when the cached invoice was listed otherwise; the
 * events of `detailsStream` (Aptic's transactions and financial details: `detailsPending`,
 * `drainPendingDetails`, by the same request) when the kept-details rows say they were read at
 * another list hash, or not at all. So that stream lists nothing of its own.
 */
export function withCachedDetails(db: CacheDatabase, fetchPage: FetchDeferredPage, { full, detailsStream }: { full: boolean; detailsStream?: SyncStream }): FetchPage {
  // Where each cached invoice is, read once per sync: this sync's own pages are newer chunks,
  // and the older ones it finds stay until its walk's sweep, after its last page was fetched.
  // A chunk gone meanwhile only means its invoices' details are fetched again.
  let located: Promise<Map<string, Located>> | null = null;
  // The hash each invoice's cached detail events were read at (`heldDetails`), read once per sync.
  let held: Promise<Map<string, HeldDetails>> | null = null;
  return async (input) => {
    const { pendingDetails, ...page } = await fetchPage({ ...input, deferDetails: true });
    if (pendingDetails === undefined || pendingDetails.length === 0) return page;
    const invoices = pendingInvoices(page.records, pendingDetails);
    if (!invoices) throw new Error('A page named details pending for records it does not hold as invoices.');
    const [cached, events] = full
      ? [null, null]
      : await Promise.all([cachedVat(db, await (located ??= invoiceDirectory(db)), pendingDetails), detailsStream ? (held ??= heldDetails(db, input.connectionId, detailsStream)) : null]);
    for (const [n, pending] of pendingDetails.entries()) {
      const invoice = invoices[n]!;
      const kept = cached?.get(pending.recordId);
      // A cached VAT still pending is asked again with this page's own request.
      if (kept?.listHash === pending.listHash && kept.vatPending === undefined) invoice.vatLines = kept.vatLines ?? null;
      else {
        // A page's invoices come without VAT when it is deferred: `delete` of a field that is not
        // there still cost ~1 µs an invoice (in the renderer's profile of a 100,000 invoice first sync).
        if ('vatLines' in invoice) delete invoice.vatLines;
        invoice.vatPending = pending.request;
      }
      if (detailsStream && events?.get(pending.recordId)?.listHash !== pending.listHash) invoice.detailsPending = pending.request;
    }
    return page;
  };
}

/** The page's invoice each pending detail names (the last of its id), position by position; null unless the page has invoices and each names one. */
function pendingInvoices(records: SyncPage['records'], pendingDetails: PendingDetail[]): readonly Invoice[] | null {
  if (!records.some((record) => record.kind === 'invoice')) return null;
  const named = pendingInvoicesOf(pendingDetails);
  if (named) return named;
  const byId = new Map(records.flatMap((record) => (record.kind === 'invoice' ? [[record.id, record] as const] : [])));
  const invoices = pendingDetails.map((pending) => byId.get(pending.recordId));
  return invoices.every((invoice) => invoice !== undefined) ? invoices : null;
}

/** What the cache holds of an invoice's VAT, and the list hash it was read at. */
interface Kept {
  listHash: string | undefined;
  vatLines?: Invoice['vatLines'];
  vatPending?: string;
}

/** The cached versions of the pending invoices, from only the chunks that hold them. */
async function cachedVat(db: CacheDatabase, located: Map<string, Located>, pending: readonly PendingDetail[]): Promise<Map<string, Kept>> {
  const found = new Map<string, Kept>();
  // A first sync finds nothing cached: no lookup per invoice, no read per page (a profile of a
  // 100,000 invoice first sync: 0.2 s of the renderer's CPU, on nothing).
  if (located.size === 0) return found;
  const where: Array<{ id: string } & Located> = [];
  for (const detail of pending) {
    const at = located.get(detail.recordId);
    if (at) where.push({ id: detail.recordId, ...at });
  }
  if (where.length === 0) return found;
  const seqs = [...new Set(where.map(({ seq }) => seq))];
  const chunks = new Map((await db.invoiceChunks.bulkGet(seqs)).flatMap((chunk) => (chunk ? [[chunk.seq!, invoicesOf(chunk)] as const] : [])));
  for (const { id, seq, at } of where) {
    const invoice = chunks.get(seq)?.[at];
    if (invoice?.id === id) found.set(id, { listHash: invoice.listHash, vatLines: invoice.vatLines, vatPending: invoice.vatPending });
  }
  return found;
}
