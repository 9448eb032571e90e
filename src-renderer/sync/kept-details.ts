import Dexie from 'dexie';
import type { SyncStream } from '../../src-shared/domain/provider';
import type { CacheDatabase, CachedEvent, SyncState } from '../db/cache-database';

/**
 * Per committed page of a stream whose detail events are kept while an invoice's list entry is
 * unchanged (`withCachedDetails`, Aptic's `invoice-details`): each invoice of the page, the list
 * hash its events were read at, and whether the page kept them as they were rather than writing
 * them. The walk reads these rows, not the events, to learn what it holds (reading every cached
 * event took ~1.2 s of an unchanged second sync at 20,000 invoices), and its sweep reads the
 * events' ids (`KeptDetailEventsRow`, same `seq`) only of the invoices it did not keep. A row
 * lives until a later walk of its stream sweeps.
 */
export interface KeptDetailsRow {
  seq?: number;
  connectionId: string;
  stream: SyncStream;
  /** The walk that committed the page. */
  generation: number;
  /** The page's invoices; '' gathers its events of no invoice. */
  invoiceIds: string[];
  /** Per invoice, the list hash every one of its events was read at; '' when not all carry the same one (asked again next time). */
  listHashes: string[];
  /** Per invoice: its events were kept as an older walk wrote them (not written again by this page). */
  kept: boolean[];
}

/** The ids of each invoice's events, in the order of the `KeptDetailsRow` with the same `seq`. */
export interface KeptDetailEventsRow {
  seq: number;
  eventIds: string[][];
}

/** An invoice whose cached detail events a page keeps: what the walk read of them. */
export interface KeptInvoice {
  invoiceId: string;
  listHash: string;
  eventIds: string[];
}

/** Where an invoice's cached details stand, as the walk read them: the row that last named it. */
export interface HeldDetails {
  listHash: string;
  seq: number;
  at: number;
}

/** A stream's kept-details rows, oldest first. */
function streamRows(db: CacheDatabase, connectionId: string, stream: SyncStream) {
  return db.keptDetails.where('[connectionId+stream+generation]').between([connectionId, stream, Dexie.minKey], [connectionId, stream, Dexie.maxKey], true, true);
}

/**
 * What the stream's cached detail events were read at, per invoice, from its rows (the newest row
 * naming an invoice wins: a resumed walk's own pages are newer than the walk it replaces).
 */
export async function heldDetails(db: CacheDatabase, connectionId: string, stream: SyncStream): Promise<Map<string, HeldDetails>> {
  const held = new Map<string, HeldDetails>();
  const rows = (await streamRows(db, connectionId, stream).toArray()).sort((a, b) => a.seq! - b.seq!);
  for (const { seq, invoiceIds, listHashes } of rows) invoiceIds.forEach((invoiceId, at) => held.set(invoiceId, { listHash: listHashes[at]!, seq: seq!, at }));
  return held;
}

/** The event ids of `invoices` (held as `heldDetails` read them), from only the rows that hold them. */
export async function keptInvoices(db: CacheDatabase, held: ReadonlyMap<string, HeldDetails>, invoiceIds: readonly string[]): Promise<KeptInvoice[]> {
  const at = invoiceIds.map((invoiceId) => ({ invoiceId, ...held.get(invoiceId)! }));
  const seqs = [...new Set(at.map(({ seq }) => seq))];
  const rows = new Map((await db.keptDetailEvents.bulkGet(seqs)).flatMap((row) => (row ? [[row.seq, row] as const] : [])));
  return at.map(({ invoiceId, listHash, seq, at: n }) => ({ invoiceId, listHash, eventIds: rows.get(seq)?.eventIds[n] ?? [] }));
}

/**
 * The page's row: its events by invoice, each invoice's hash the one all its events carry, and
 * the invoices it kept. Call inside the page's transaction (over `keptDetails` and `keptDetailEvents`).
 */
export async function putKeptDetails(db: CacheDatabase, { connectionId, stream, generation }: SyncState, events: readonly CachedEvent[], kept: readonly KeptInvoice[]): Promise<void> {
  const written = new Map<string, { listHash: string; eventIds: string[] }>();
  for (const { id, invoiceId, listHash } of events) {
    const key = invoiceId ?? '';
    const found = written.get(key);
    if (!found) written.set(key, { listHash: key === '' ? '' : (listHash ?? ''), eventIds: [id] });
    else {
      found.eventIds.push(id);
      if (found.listHash !== listHash) found.listHash = '';
    }
  }
  const entries = [...kept.map((invoice) => ({ ...invoice, kept: true })), ...[...written].map(([invoiceId, invoice]) => ({ invoiceId, ...invoice, kept: false }))];
  if (entries.length === 0) return;
  const row: KeptDetailsRow = { connectionId, stream, generation, invoiceIds: entries.map((e) => e.invoiceId), listHashes: entries.map((e) => e.listHash), kept: entries.map((e) => e.kept) };
  const seq = await db.keptDetails.add(row);
  await db.keptDetailEvents.add({ seq, eventIds: entries.map((e) => e.eventIds) });
}

/**
 * The sweep of a walk's events, from the rows alone when the stream has any: an event of an older
 * walk goes unless this walk kept its invoice; an invoice whose list entry changed was written
 * again (its old events not rewritten under the same ids go), one no longer listed was not seen.
 * Only the older rows' events of invoices this walk did not keep are read, each checked again as
 * it is now: an unchanged sync reads none. The older rows go with them. A stream without rows
 * (one whose details are not kept by hash) has every event read instead.
 * Call inside the last page's transaction (over `events`, `keptDetails` and `keptDetailEvents`).
 */
export async function sweepEvents(db: CacheDatabase, { connectionId, stream, generation }: SyncState): Promise<void> {
  const isStale = (event: CachedEvent) => event.stream === stream && event.generation < generation;
  const rows = await streamRows(db, connectionId, stream).toArray();
  const stale: string[] = [];
  if (rows.length === 0) {
    await eachStreamEventBatch(db, connectionId, stream, (event) => {
      if (isStale(event)) stale.push(event.id);
    });
  } else {
    const kept = new Set(rows.flatMap((row) => (row.generation === generation ? row.invoiceIds.filter((_, at) => row.kept[at]) : [])));
    const older = rows.filter((row) => row.generation < generation);
    const unkept = older.filter((row) => row.invoiceIds.some((invoiceId) => !kept.has(invoiceId)));
    const ids = (await db.keptDetailEvents.bulkGet(unkept.map((row) => row.seq!))).flatMap((events, r) => (events ? unkept[r]!.invoiceIds.flatMap((invoiceId, at) => (kept.has(invoiceId) ? [] : events.eventIds[at]!)) : []));
    for (const event of await db.events.bulkGet(ids)) if (event && isStale(event)) stale.push(event.id);
    const gone = older.map((row) => row.seq!);
    await db.keptDetails.bulkDelete(gone);
    await db.keptDetailEvents.bulkDelete(gone);
  }
  await db.events.bulkDelete(stale);
}

/** Events read per request: a few MB of records at most. */
const eventsPerRead = 2_000;

/**
 * Visits every cached event of a connection's stream, read `eventsPerRead` at a time by id: an
 * event's id starts with its connection's (`recordId`), so each read is one `getAll` over an id
 * range. A filtered index walk (a cursor step per event) took ~1.3 s for ~4,000 events in
 * Chromium under load; this is the way to read them all. A stream with no events at all (Aptic's
 * invoices stream, whose sweep calls this too) is told by one index key and reads none of the
 * others' events.
 */
export async function eachStreamEventBatch(db: CacheDatabase, connectionId: string, stream: SyncStream, visit: (event: CachedEvent) => void): Promise<void> {
  const any = await db.events.where('[connectionId+stream]').equals([connectionId, stream]).limit(1).primaryKeys();
  if (any.length === 0) return;
  const last = `${connectionId}/\uffff`;
  for (let after = `${connectionId}/`; ; ) {
    const events = await db.events.where(':id').between(after, last, false, true).limit(eventsPerRead).toArray();
    for (const event of events) if (event.stream === stream) visit(event);
    if (events.length < eventsPerRead) return;
    after = events[events.length - 1]!.id;
  }
}
