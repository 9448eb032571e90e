import type { z } from 'zod';
import type { Invoice, VatLine } from '../../src-shared/domain/records';
import { maxDetailRequestLength, type PendingDetail } from '../../src-shared/rpc/sync-methods';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { decodeCursor, encodeCursors } from './sync-cursor';

/** An invoice of a page, the hash of its list entry, and what fetching its detail needs. */
export interface DetailWork<R> {
  invoice: Invoice;
  listHash: string;
  request: R;
}

/** Fetches the VAT per rate of each request, in order; all or none (a failure throws). */
export type FetchVat<R> = (requests: readonly R[]) => Promise<Array<VatLine[] | null>>;

/**
 * A page's per-invoice details, fetched now or handed to the renderer. Each invoice gets its
 * `listHash`. Deferred, each whose request fits in `maxDetailRequestLength` becomes a
 * PendingDetail (the request encoded like a cursor, so main keeps nothing between calls); the
 * rest, and every one when not deferred, get their `vatLines` before the page is returned.
 */
export async function resolveDetails<R extends object>(work: readonly DetailWork<R>[], fetchVat: FetchVat<R>, deferred: boolean): Promise<PendingDetail[] | undefined> {
  const pending: PendingDetail[] = [];
  const now: DetailWork<R>[] = [];
  const requests = deferred ? encodeCursors(work.map((item) => item.request)) : [];
  for (const [n, item] of work.entries()) {
    item.invoice.listHash = item.listHash;
    const request = deferred ? requests[n]! : null;
    if (request !== null && request.length <= maxDetailRequestLength) pending.push({ recordId: item.invoice.id, invoiceNumber: item.invoice.number, listHash: item.listHash, request });
    else now.push(item);
  }
  const lines = await fetchVat(now.map(({ request }) => request));
  now.forEach(({ invoice }, n) => (invoice.vatLines = lines[n] ?? null));
  return deferred ? pending : undefined;
}

/** The requests of a `sync.details` call, each checked against the stream's request shape. */
export function decodeDetailRequests<S extends z.ZodType>(requests: readonly string[], schema: S, stream: string): z.output<S>[] {
  try {
    return requests.map((request) => decodeCursor(request, schema, stream));
  } catch {
    throw new RpcError('invalid_input', `A detail request for stream "${stream}" is not one Reskontra made; sync the stream again.`);
  }
}
