import Dexie from 'dexie';
import type { SyncStream } from '../../src-shared/domain/provider';
import type { CacheDatabase, CachedEvent, SyncState } from '../db/cache-database';

/**
 * Per chunk a details step wrote (`drainPendingDetails`, Aptic's `invoice-details`): its invoices
 * and the list hash each one's events were read at. The invoices walk reads these rows, not the
 * events, to learn which invoices' details changed (`withCachedDetails`; reading every cached
 * event took ~1.2 s of an unchanged second sync at 20,000 invoices), and the step's sweep reads
 * the events' ids (`KeptDetailEventsRow`, same `seq`) only of the entries it drops. The newest row
 * naming an invoice is its entry; the sweep after each step leaves no other.
 */
export interface KeptDetailsRow {
  seq?: number;
  connectionId: string;
  stream: SyncStream;
  /** The stream's generation when written (rows of v8 and before: the walk that committed the page). */
  generation: number;
  /** The page's invoices; '' gathers its events of no invoice. */
  invoiceIds: string[];
  /** Per invoice, the list hash every one of its events was read at; '' when not all carry the same one (asked again next time). */
  listHashes: string[];
  /** Per invoice, in rows a v8 walk wrote: its events were kept as an older walk wrote them. A details step writes false. */
  kept: boolean[];
}

/** The ids of each invoice's events, in the order of the `KeptDetailsRow` with the same `seq`. */
export interface KeptDetailEventsRow {
  seq: number;
  eventIds: string[][];
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

/**
 * The sweep of a walk's events: every event of the stream an older walk wrote goes. A walk of a
 * stream whose events a details step keeps (`drainPendingDetails`) wrote them all again: the
 * step's rows go with the older events, so its next step reads every invoice's details again.
 * Call inside the last page's transaction (over `events`, `keptDetails` and `keptDetailEvents`).
 */
export async function sweepEvents(db: CacheDatabase, { connectionId, stream, generation }: SyncState): Promise<void> {
  const stale: string[] = [];
  await eachStreamEventBatch(db, connectionId, stream, (event) => {
    if (event.generation < generation) stale.push(event.id);
  });
  const rows = await streamRows(db, connectionId, stream).primaryKeys();
  await db.keptDetails.bulkDelete(rows);
  await db.keptDetailEvents.bulkDelete(rows);
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

/** An invoice whose detail events a details step wrote: the list hash they were read at ('' when not all read) and their ids. */
export interface DrainedInvoice {
  invoiceId: string;
  listHash: string;
  eventIds: string[];
}

/**
 * The row of one chunk's drained details (`drainPendingDetails`): it names its invoices, and so
 * outranks every older row naming them (`heldDetails`) until `sweepDetailEvents` drops those.
 * Call inside the chunk's transaction (over `keptDetails` and `keptDetailEvents`).
 */
export async function putDrainedDetails(db: CacheDatabase, { connectionId, stream, generation }: Pick<SyncState, 'connectionId' | 'stream' | 'generation'>, drained: readonly DrainedInvoice[]): Promise<void> {
  if (drained.length === 0) return;
  const row: KeptDetailsRow = { connectionId, stream, generation, invoiceIds: drained.map((d) => d.invoiceId), listHashes: drained.map((d) => d.listHash), kept: drained.map(() => false) };
  const seq = await db.keptDetails.add(row);
  await db.keptDetailEvents.add({ seq, eventIds: drained.map((d) => d.eventIds) });
}

/**
 * After a details step: each invoice keeps only its newest row's entry, and only while the
 * connection still lists it (`listed`). The events of a dropped entry go, but for those its
 * invoice's newest entry names again (an event id the provider kept). Only rows with an entry to
 * drop are rewritten and have their event ids read: an unchanged sync reads the rows alone.
 * Call inside one transaction (over `events`, `keptDetails` and `keptDetailEvents`).
 */
export async function sweepDetailEvents(db: CacheDatabase, connectionId: string, stream: SyncStream, listed: ReadonlySet<string>): Promise<void> {
  const rows = (await streamRows(db, connectionId, stream).toArray()).sort((a, b) => a.seq! - b.seq!);
  const newest = new Map<string, number>();
  for (const { seq, invoiceIds } of rows) for (const invoiceId of invoiceIds) newest.set(invoiceId, seq!);
  const stays = (seq: number, invoiceId: string) => listed.has(invoiceId) && newest.get(invoiceId) === seq;
  const touched = rows.filter((row) => row.invoiceIds.some((invoiceId) => !stays(row.seq!, invoiceId)));
  if (touched.length === 0) return;
  // The newest rows of the invoices whose older entries go: their event ids stay.
  const superseding = [...new Set(touched.flatMap((row) => row.invoiceIds.flatMap((invoiceId) => (listed.has(invoiceId) && newest.get(invoiceId) !== row.seq ? [newest.get(invoiceId)!] : []))))];
  const seqs = [...new Set([...touched.map((row) => row.seq!), ...superseding])];
  const events = new Map((await db.keptDetailEvents.bulkGet(seqs)).flatMap((row) => (row ? [[row.seq, row.eventIds] as const] : [])));
  const bySeq = new Map(rows.map((row) => [row.seq!, row]));
  const alive = new Set(superseding.flatMap((seq) => bySeq.get(seq)!.invoiceIds.flatMap((invoiceId, at) => (stays(seq, invoiceId) ? (events.get(seq)?.[at] ?? []) : []))));
  const stale: string[] = [];
  for (const row of touched) {
    const ids = events.get(row.seq!) ?? [];
    const keep = row.invoiceIds.flatMap((invoiceId, at) => (stays(row.seq!, invoiceId) ? [at] : []));
    row.invoiceIds.forEach((invoiceId, at) => {
      if (!stays(row.seq!, invoiceId)) stale.push(...(ids[at] ?? []).filter((id) => !alive.has(id)));
    });
    if (keep.length === 0) {
      await db.keptDetails.delete(row.seq!);
      await db.keptDetailEvents.delete(row.seq!);
      continue;
    }
    await db.keptDetails.put({ ...row, invoiceIds: keep.map((at) => row.invoiceIds[at]!), listHashes: keep.map((at) => row.listHashes[at]!), kept: keep.map((at) => row.kept[at]!) });
    await db.keptDetailEvents.put({ seq: row.seq!, eventIds: keep.map((at) => ids[at] ?? []) });
  }
  await db.events.bulkDelete(stale);
}
