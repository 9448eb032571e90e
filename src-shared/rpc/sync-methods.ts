import { z } from 'zod';
import { connectionIdSchema } from '../domain/connection';
import { syncStreams } from '../domain/provider';
import type { QuarantinedRecord, SyncRecord, VatLine } from '../domain/records';
import { method } from './method';
import type { PackedSyncPage } from './packed-sync-page';

/**
 * An invoice of a page whose per-invoice detail is not fetched yet: asked with `deferDetails`,
 * main hands back what it needs to fetch it (`request`, opaque like a cursor) and the hash of the
 * invoice's list entry, so the renderer fetches it through `sync.details` only when the cache
 * holds no detail read at that hash. The detail is the invoice's VAT per rate when the page holds
 * the invoice (stream `invoices`), else the records the detail gives (Aptic's `invoice-details`).
 */
export interface PendingDetail {
  /** The invoice's record id (in the page's `records` when the detail is its VAT). */
  recordId: string;
  invoiceNumber: string;
  /** As the `listHash` of the records read with the detail. */
  listHash: string;
  request: string;
}

export interface SyncPage {
  records: SyncRecord[];
  /** Records of this page that could not be read; every other record is in `records`. */
  quarantined: QuarantinedRecord[];
  /** Opaque: pass it back to get the next page; null when the stream is done. */
  nextCursor: string | null;
  progress: { done: number; total?: number };
  /** Only with `deferDetails`: the page's invoices whose detail still has to be filled in. */
  pendingDetails?: PendingDetail[];
  /**
   * The hash of the provider's answer as main read it (its bytes, and the version of how main
   * reads them), where the stream gives one: a later walk that hands it back as `known` at the
   * same cursor gets `unchanged` instead of the records while the bytes stay the same.
   */
  pageHash?: string;
  /** The provider's answer is byte for byte the one `known` names: no records are sent, the cache keeps what it committed from it. */
  unchanged?: true;
}

/**
 * A page the renderer committed in the last walk, handed back with `sync.page`: the cursor it was
 * fetched at, its `pageHash`, and the cursor that followed it. Main answers a page at `cursor`
 * whose hash is still `pageHash` as `unchanged`, going on at `nextCursor`.
 */
export interface KnownPage {
  cursor: string | null;
  pageHash: string;
  nextCursor: string | null;
}

/**
 * The known pages one `sync.page` call may carry: the page asked for, and those after it in the
 * last walk's order, which main fetches ahead (each up to ten provider requests at once, so this
 * bounds what an unchanged walk has in flight).
 */
export const maxKnownPagesPerCall = 3;

/** One invoice's detail: its VAT per rate (null: unknown), or the records it gives. */
export interface InvoiceDetail {
  vatLines?: VatLine[] | null;
  records?: SyncRecord[];
  quarantined?: QuarantinedRecord[];
}

/** What `sync.details` answers: one detail per request, in order. */
export interface SyncDetails {
  details: InvoiceDetail[];
}

/** Most detail requests in one `sync.details` call, and the longest one main makes. */
export const maxDetailRequestsPerCall = 200;
export const maxDetailRequestLength = 16_384;

const stream = z.enum(syncStreams as [string, ...string[]]);

/**
 * Pull-based sync: one page per call; main keeps no sync state between calls. A page crosses
 * packed (`packSyncPage`; the renderer reads it with `unpackSyncPage`).
 */
export const syncMethods = {
  'sync.page': method<PackedSyncPage>()(
    z
      .object({
        connectionId: connectionIdSchema,
        stream,
        cursor: z.string().min(1).max(2048).nullable(),
        /** Leave per-invoice details to `sync.details` (listed in `pendingDetails`) instead of fetching them all. */
        deferDetails: z.boolean().optional(),
        /** Pages committed in the last walk, at this cursor and the next ones (`KnownPage`); absent on a Full resync. */
        known: z
          .array(z.object({ cursor: z.string().min(1).max(2048).nullable(), pageHash: z.string().min(1).max(128), nextCursor: z.string().min(1).max(2048).nullable() }).strict())
          .max(maxKnownPagesPerCall)
          .optional(),
      })
      .strict(),
  ),
  'sync.details': method<SyncDetails>()(
    z
      .object({
        connectionId: connectionIdSchema,
        stream,
        requests: z.array(z.string().min(1).max(maxDetailRequestLength)).min(1).max(maxDetailRequestsPerCall),
      })
      .strict(),
  ),
};
