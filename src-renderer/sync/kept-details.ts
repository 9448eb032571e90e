import Dexie from 'dexie';
import type { SyncStream } from '../../src-shared/domain/provider';
import type { CacheDatabase, CachedEvent, SyncState } from '../db/cache-database';

/**
 * The invoices of one committed page whose cached detail events were kept as they are (their
 * list entry unchanged, `withCachedDetails`), written in the page's transaction. Rewriting the
 * events instead, so the walk's sweep would see them as this walk's, made an unchanged second
 * sync of 2,000 Aptic invoices spend ~3 s writing events it already held. A row lives until the
 * sweep of its stream.
 */
export interface KeptDetailsRow {
  seq?: number;
  connectionId: string;
  stream: SyncStream;
  /** The walk that kept them. */
  generation: number;
  invoiceIds: string[];
}

/** Call inside the page's transaction (over `keptDetails`). */
export async function putKeptDetails(db: CacheDatabase, { connectionId, stream, generation }: SyncState, invoiceIds: string[]): Promise<void> {
  if (invoiceIds.length > 0) await db.keptDetails.add({ connectionId, stream, generation, invoiceIds });
}

/**
 * The events of a stream cached when a walk's session began, by invoice (`null`: events of no
 * invoice): every event older than the walk that can be left at its sweep is among them, since
 * only the walk itself writes the stream's events once it opened (`commitPage` refuses a page of
 * any other walk). Lets the sweep read only the events of invoices the walk did not keep.
 */
export type OlderEvents = ReadonlyMap<string | null, readonly string[]>;

/**
 * The sweep of a walk's events: deletes the stream's events of older walks except those of an
 * invoice this walk kept, then the stream's kept rows. An invoice whose list entry changed was
 * not kept, so its old events go (its new ones are this walk's); one no longer listed was not
 * seen at all. A walk killed midway kept its rows with its pages, so its resumed end knows them.
 * Given `older` (read as this session of the walk began), only the events of invoices it did not
 * keep are read, each checked again as it is now: an unchanged sync reads none. Without it every
 * event of the connection is read (~1 s for 10,000 Aptic invoices' events under load).
 * Call inside the last page's transaction (over `events` and `keptDetails`).
 */
export async function sweepEvents(db: CacheDatabase, { connectionId, stream, generation }: SyncState, older?: OlderEvents): Promise<void> {
  const rows = db.keptDetails.where('[connectionId+stream+generation]').between([connectionId, stream, Dexie.minKey], [connectionId, stream, Dexie.maxKey], true, true);
  const kept = new Set((await rows.toArray()).flatMap((row) => (row.generation === generation ? row.invoiceIds : [])));
  const isStale = (event: CachedEvent) => event.stream === stream && event.generation < generation && !(event.invoiceId !== null && kept.has(event.invoiceId));
  const stale: string[] = [];
  if (older) {
    const unkept = [...older].flatMap(([invoiceId, ids]) => (invoiceId !== null && kept.has(invoiceId) ? [] : ids));
    for (const event of await db.events.bulkGet(unkept)) if (event && isStale(event)) stale.push(event.id);
  } else {
    await eachStreamEventBatch(db, connectionId, stream, (event) => {
      if (isStale(event)) stale.push(event.id);
    });
  }
  await db.events.bulkDelete(stale);
  await rows.delete();
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
