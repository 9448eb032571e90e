import type { SyncDetails, SyncPage } from '../../../src-shared/rpc/sync-methods';
import type { FetchDeferredPage, FetchDetails } from '../../../src-renderer/sync/page-details';
import { ledgerEvent } from '../../support/records';

export const connectionId = 'a1';
export const aptic = { id: connectionId, provider: 'aptic' as const };
const perPage = 2;

/**
 * An Aptic connection whose `invoice-details` stream lists invoices `perPage` a page, each with
 * the hash of its list entry, and answers each invoice's details with `events` ledger events
 * read at that hash. Its `invoices` stream lists nothing: only the details stream is walked.
 * An event's id names the hash it was read at unless `sameIds` (as Aptic's transactions keep
 * their ids when the invoice changes).
 */
export function detailsProvider(count: number, events = 2, { sameIds = false } = {}) {
  const listed = new Map(Array.from({ length: count }, (_, n) => [`inv${n}`, { hash: 'h0', events }]));
  const detailCalls: string[] = [];
  const fetchPage: FetchDeferredPage = async ({ stream, cursor }) => {
    if (stream !== 'invoice-details') return { records: [], quarantined: [], nextCursor: null, progress: { done: 0 } };
    const refs = [...listed.keys()];
    const from = cursor === null ? 0 : Number(cursor);
    const page = refs.slice(from, from + perPage);
    const next = from + perPage < refs.length ? String(from + perPage) : null;
    const pendingDetails = page.map((ref) => ({ recordId: `${connectionId}/${ref}`, invoiceNumber: ref, listHash: listed.get(ref)!.hash, request: ref }));
    return { records: [], quarantined: [], nextCursor: next, progress: { done: from + page.length, total: refs.length }, pendingDetails } satisfies SyncPage;
  };
  const fetchDetails: FetchDetails = async ({ requests }) => {
    detailCalls.push(...requests);
    const details = requests.map((ref) => {
      const { hash, events: n } = listed.get(ref)!;
      return { records: Array.from({ length: n }, (_, e) => ledgerEvent(connectionId, sameIds ? `${ref}/${e}` : `${ref}/${hash}/${e}`, { provider: 'aptic', invoiceNumber: ref, invoiceId: `${connectionId}/${ref}`, listHash: hash })) };
    });
    return { details } satisfies SyncDetails;
  };
  return { listed, detailCalls, fetchPage, fetchDetails };
}
