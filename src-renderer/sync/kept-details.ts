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
 * The sweep of a walk's events: deletes the stream's events of older walks except those of an
 * invoice this walk kept, then the stream's kept rows. An invoice whose list entry changed was
 * not kept, so its old events go (its new ones are this walk's); one no longer listed was not
 * seen at all. A walk killed midway kept its rows with its pages, so its resumed end knows them.
 * Call inside the last page's transaction (over `events` and `keptDetails`).
 */
export async function sweepEvents(db: CacheDatabase, { connectionId, stream, generation }: SyncState): Promise<void> {
  const rows = db.keptDetails.where('[connectionId+stream+generation]').between([connectionId, stream, Dexie.minKey], [connectionId, stream, Dexie.maxKey], true, true);
  const kept = new Set((await rows.toArray()).flatMap((row) => (row.generation === generation ? row.invoiceIds : [])));
  const stale: string[] = [];
  await eachStreamEventBatch(db, connectionId, stream, (event) => {
    if (event.generation < generation && !(event.invoiceId !== null && kept.has(event.invoiceId))) stale.push(event.id);
  });
  await db.events.bulkDelete(stale);
  await rows.delete();
}

/** Events read per request: a few MB of records at most. */
const eventsPerRead = 2_000;

/**
 * Visits every cached event of a connection's stream, read `eventsPerRead` at a time by id: an
 * event's id starts with its connection's (`recordId`), so each read is one `getAll` over an id
 * range. A filtered index walk (a cursor step per event) took ~1.3 s for ~4,000 events in
 * Chromium under load; this is the way to read them all.
 */
export async function eachStreamEventBatch(db: CacheDatabase, connectionId: string, stream: SyncStream, visit: (event: CachedEvent) => void): Promise<void> {
  const last = `${connectionId}/\uffff`;
  for (let after = `${connectionId}/`; ; ) {
    const events = await db.events.where(':id').between(after, last, false, true).limit(eventsPerRead).toArray();
    for (const event of events) if (event.stream === stream) visit(event);
    if (events.length < eventsPerRead) return;
    after = events[events.length - 1]!.id;
  }
}
