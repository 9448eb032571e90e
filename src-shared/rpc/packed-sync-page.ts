import { z } from 'zod';
import { providerIds } from '../domain/provider';
import { recordId, type Invoice, type SyncRecord } from '../domain/records';
import type { PendingDetail, SyncPage } from './sync-methods';

/**
 * `sync.page` as it crosses the RPC: a page in which every record repeated its connection, provider
 * and kind, its id (which is `<connectionId>/<providerRef>`), and each pending VAT repeated its
 * invoice's id, number and list hash. Packed, what every record shares is sent once (`shared`),
 * an id that `recordId` gives is left out, and a pending detail of an invoice on the page is its
 * index and request (`pendingAt`): an Aptic invoice with its pending VAT is 482 bytes of JSON
 * instead of 806. Main packs (`packSyncPage`), the renderer unpacks and checks (`unpackSyncPage`):
 * tests that call `sync.page` read its answer through `unpackSyncPage` too.
 */
export interface PackedSyncPage {
  shared: SharedFields;
  /** Each a record without the `shared` fields, and without `id` where `recordId` gives it. */
  records: Array<Record<string, unknown>>;
  quarantined: SyncPage['quarantined'];
  nextCursor: string | null;
  progress: SyncPage['progress'];
  /** Pending details of invoices in `records`: the invoice's index, and the request. */
  pendingAt?: Array<[number, string]>;
  /** Pending details of invoices not in `records` (Aptic's `invoice-details` stream). */
  pendingDetails?: PendingDetail[];
  pageHash?: string;
  unchanged?: true;
}

const sharedKeys = ['connectionId', 'provider', 'kind'] as const;
type SharedFields = Partial<Pick<SyncRecord, (typeof sharedKeys)[number]>>;

/**
 * Packs the page main hands over: its records are changed in place, not copied. A field left out
 * is set to `undefined`, which JSON.stringify skips: a copy of each record without those fields
 * cost main more than the shorter text saved it (20,000 Aptic invoices, one process: ~35 ms of
 * copies against ~17 ms less stringifying). Nothing reads the page in main after this.
 */
export function packSyncPage({ records, pendingDetails, ...rest }: SyncPage): PackedSyncPage {
  const shared: Record<string, unknown> = {};
  for (const key of sharedKeys) {
    const value = records[0]?.[key];
    if (value !== undefined && records.every((record) => record[key] === value)) shared[key] = value;
  }
  const at = pendingDetails === undefined ? null : new Map(records.map((record, n) => [record.id, n]));
  const pendingAt: Array<[number, string]> = [];
  const others: PendingDetail[] = [];
  for (const pending of pendingDetails ?? []) {
    const n = at!.get(pending.recordId);
    const record = n === undefined ? undefined : records[n];
    if (record?.kind === 'invoice' && record.number === pending.invoiceNumber && record.listHash === pending.listHash) pendingAt.push([n!, pending.request]);
    else others.push(pending);
  }
  const left = Object.keys(shared);
  for (const record of records as unknown as Array<Record<string, unknown>>) {
    if (record.id === recordId(record.connectionId as string, record.providerRef as string)) record.id = undefined;
    for (const key of left) record[key] = undefined;
  }
  const page: PackedSyncPage = { shared: shared as SharedFields, records: records as unknown as PackedSyncPage['records'], ...rest };
  return pendingDetails === undefined ? page : { ...page, pendingAt, pendingDetails: others };
}

const plainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The envelope; each record is checked as it is unpacked (a zod pass over every field would cost more than the page's parse). Exported for the test that holds `checkedPage` to it. */
export const packedPageSchema = z
  .object({
    shared: z
      .object({ connectionId: z.string().min(1).optional(), provider: z.enum(providerIds).optional(), kind: z.enum(['invoice', 'ledger-event', 'case']).optional() })
      .strict(),
    records: z.array(z.custom<Record<string, unknown>>(plainObject, 'a record must be an object')),
    quarantined: z.array(
      z.object({ providerRef: z.string().nullable(), kind: z.enum(['invoice', 'ledger-event', 'case']), reason: z.string(), problem: z.custom<NonNullable<SyncPage['quarantined'][number]['problem']>>(plainObject).optional(), json: z.string() }).strict(),
    ),
    nextCursor: z.string().min(1).nullable(),
    progress: z.object({ done: z.number().nonnegative(), total: z.number().nonnegative().optional() }).strict(),
    pendingAt: z.array(z.tuple([z.number().int().nonnegative(), z.string().min(1)])).optional(),
    pendingDetails: z.array(z.object({ recordId: z.string().min(1), invoiceNumber: z.string(), listHash: z.string(), request: z.string().min(1) }).strict()).optional(),
    pageHash: z.string().min(1).max(128).optional(),
    unchanged: z.literal(true).optional(),
  })
  .strict();
type CheckedPage = z.output<typeof packedPageSchema>;

const isPendingAt = (entry: unknown): entry is [number, string] =>
  Array.isArray(entry) && entry.length === 2 && Number.isInteger(entry[0]) && (entry[0] as number) >= 0 && typeof entry[1] === 'string' && entry[1] !== '';

/**
 * The answer checked against `packedPageSchema`. Its two long arrays, a record and a pending
 * detail per invoice, are checked by hand first and the rest of the envelope by zod: zod's pass
 * over 1,000 records and 1,000 pairs was most of what unpacking a page cost the renderer. An
 * answer the hand check refuses goes through zod whole, so its error names what is wrong.
 */
function checkedPage(answer: unknown): CheckedPage {
  if (plainObject(answer) && Array.isArray(answer.records) && answer.records.every(plainObject) && (answer.pendingAt === undefined || (Array.isArray(answer.pendingAt) && answer.pendingAt.every(isPendingAt)))) {
    const { records, pendingAt } = answer as { records: CheckedPage['records']; pendingAt?: CheckedPage['pendingAt'] };
    const envelope = packedPageSchema.safeParse({ ...answer, records: [], ...(pendingAt ? { pendingAt: [] } : {}) });
    if (envelope.success) return { ...envelope.data, records, ...(pendingAt ? { pendingAt } : {}) };
  }
  const parsed = packedPageSchema.safeParse(answer);
  if (!parsed.success) throw new MalformedSyncPage(parsed.error.issues[0]?.message ?? 'not a page');
  return parsed.data;
}

/** Thrown when main's answer is not a packed page: the sync fails, nothing of it is written. */
export class MalformedSyncPage extends Error {
  constructor(why: string) {
    super(`Reskontra's background process answered sync.page with a page it could not read: ${why}.`);
    this.name = 'MalformedSyncPage';
  }
}

/** A packed page as the page it was, checked: each record has its id, connection, provider and kind, each pending detail its invoice. */
export function unpackSyncPage(answer: unknown): SyncPage {
  const { shared, records, pendingAt, pendingDetails, ...rest } = checkedPage(answer);
  // An unchanged page carries nothing: the cache keeps what it committed of it.
  if (rest.unchanged && (records.length > 0 || rest.quarantined.length > 0 || rest.pageHash === undefined || pendingAt !== undefined || pendingDetails !== undefined)) {
    throw new MalformedSyncPage('an unchanged page with records or without its hash');
  }
  for (const record of records) {
    Object.assign(record, shared);
    if (typeof record.connectionId !== 'string' || typeof record.provider !== 'string' || typeof record.kind !== 'string' || typeof record.providerRef !== 'string') {
      throw new MalformedSyncPage('a record without its connection, provider, kind or provider reference');
    }
    record.id ??= recordId(record.connectionId, record.providerRef);
    if (typeof record.id !== 'string') throw new MalformedSyncPage('a record without an id');
  }
  const unpacked = records as unknown as SyncRecord[];
  const page: SyncPage = { records: unpacked, ...rest };
  if (pendingAt === undefined && pendingDetails === undefined) return page;
  const named: Invoice[] = [];
  const onPage = (pendingAt ?? []).map(([n, request]): PendingDetail => {
    const invoice = unpacked[n];
    if (invoice?.kind !== 'invoice' || typeof invoice.number !== 'string' || typeof invoice.listHash !== 'string') throw new MalformedSyncPage(`pending detail ${n} names no invoice with a list hash`);
    named.push(invoice);
    return { recordId: invoice.id, invoiceNumber: invoice.number, listHash: invoice.listHash, request };
  });
  const all = [...onPage, ...(pendingDetails ?? [])];
  if (all.length === onPage.length) invoicesNamedBy.set(all, named);
  return { ...page, pendingDetails: all };
}

/**
 * Of an unpacked page's pending details, when each is an invoice of the page (all came as
 * `pendingAt`): those invoices, position by position. Main points at the last record of an id on
 * its page (`packSyncPage`), the one a lookup by id finds; this saves the renderer that lookup,
 * a map of the page's ids per page, which a profile of a 1,000,000 invoice sync showed costing
 * more per page the longer the walk ran.
 */
const invoicesNamedBy = new WeakMap<readonly PendingDetail[], readonly Invoice[]>();

export function pendingInvoicesOf(pendingDetails: readonly PendingDetail[]): readonly Invoice[] | undefined {
  return invoicesNamedBy.get(pendingDetails);
}
