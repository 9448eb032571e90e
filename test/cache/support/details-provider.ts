import type { SyncDetails, SyncPage } from '../../../src-shared/rpc/sync-methods';
import type { CacheDatabase } from '../../../src-renderer/db/cache-database';
import { withCachedDetails, type FetchDeferredPage, type FetchDetails } from '../../../src-renderer/sync/page-details';
import { syncConnection, type SyncOptions } from '../../../src-renderer/sync/sync-connection';
import { invoice, ledgerEvent } from '../../support/records';

export const connectionId = 'a1';
export const aptic = { id: connectionId, provider: 'aptic' as const };
const perPage = 2;

/**
 * An Aptic connection whose `invoices` stream lists invoices `perPage` a page, each with the hash
 * of its list entry and its pending details' request (its ref), and answers each invoice's
 * `invoice-details` with `events` ledger events read at that hash (its VAT: none). Only the
 * details calls are counted (`detailCalls`). An event's id names the hash it was read at unless
 * `sameIds` (as Aptic's transactions keep their ids when the invoice changes).
 */
export function detailsProvider(count: number, events = 2, { sameIds = false } = {}) {
  const listed = new Map(Array.from({ length: count }, (_, n) => [`inv${n}`, { hash: 'h0', events }]));
  /** Invoices whose details hold one more record, which main could not read: it is quarantined. */
  const unreadable = new Set<string>();
  const detailCalls: string[] = [];
  const fetchPage: FetchDeferredPage = async ({ stream, cursor }) => {
    if (stream !== 'invoices') throw new Error(`the ${stream} stream lists nothing of its own`);
    const refs = [...listed.keys()];
    const from = cursor === null ? 0 : Number(cursor);
    const page = refs.slice(from, from + perPage);
    const next = from + perPage < refs.length ? String(from + perPage) : null;
    const records = page.map((ref) => invoice(connectionId, ref, { listHash: listed.get(ref)!.hash }));
    const pendingDetails = page.map((ref) => ({ recordId: `${connectionId}/${ref}`, invoiceNumber: ref, listHash: listed.get(ref)!.hash, request: ref }));
    return { records, quarantined: [], nextCursor: next, progress: { done: from + page.length, total: refs.length }, pendingDetails } satisfies SyncPage;
  };
  const fetchDetails: FetchDetails = async ({ stream, requests }) => {
    if (stream === 'invoices') return { details: requests.map(() => ({ vatLines: null })) };
    detailCalls.push(...requests);
    const details = requests.map((ref) => {
      const { hash, events: n } = listed.get(ref)!;
      const records = Array.from({ length: n }, (_, e) => ledgerEvent(connectionId, sameIds ? `${ref}/${e}` : `${ref}/${hash}/${e}`, { provider: 'aptic', invoiceNumber: ref, invoiceId: `${connectionId}/${ref}` }));
      const quarantined = unreadable.has(ref) ? [{ providerRef: `${ref}/unreadable`, kind: 'ledger-event' as const, reason: 'field amount: expected an amount', json: '{}' }] : [];
      return { records, quarantined };
    });
    return { details } satisfies SyncDetails;
  };
  /** One sync as the app runs it: the list, its VAT, then the changed invoices' details. */
  const sync = (db: CacheDatabase, { full = false, pages = fetchPage, details = fetchDetails, onProgress }: { full?: boolean; pages?: FetchDeferredPage; details?: FetchDetails } & Pick<SyncOptions, 'onProgress'> = {}) =>
    syncConnection(db, withCachedDetails(db, pages, { full, detailsStream: 'invoice-details' }), aptic, { full, signal: new AbortController().signal, fetchDetails: details, onProgress });
  return { listed, unreadable, detailCalls, fetchPage, fetchDetails, sync };
}
