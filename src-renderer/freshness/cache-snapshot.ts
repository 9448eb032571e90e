import Dexie from 'dexie';
import type { CacheDatabase } from '../db/cache-database';
import { readCacheStamp } from '../db/cache-stamp';
import { listedTables } from '../db/invoice-chunks';
import type { InvoiceRow } from '../queries/invoice-row';
import { loadLedgerRows } from '../queries/ledger-rows';
import type { CacheSnapshot } from './what-changed';

/** A snapshot and the cache's stamp (db/cache-stamp.ts) it was read at, in the same transaction. */
export type StampedSnapshot = CacheSnapshot & { stamp: string };

/**
 * The ledger a screen already holds (the Invoices store): loaded from the cache at `stamp`, its
 * statuses read on `day`. A snapshot at that stamp and day takes it instead of loading it again.
 */
export interface HeldLedger {
  stamp: string;
  day: string;
  ledger: readonly Pick<InvoiceRow, 'id' | 'opens' | 'number' | 'currency' | 'customer' | 'status'>[];
}

/** What a snapshot is read with, at the moment it is read. */
export interface SnapshotInputs {
  today: string;
  failing: ReadonlyMap<string, string>;
  held: HeldLedger | null;
}

/**
 * What `whatChanged` compares, read from the cache in one read transaction; `failing` comes from
 * the sync store. Resolves once that transaction has begun, with the snapshot still to come in
 * `read`: a sync started then fetches its first pages meanwhile, and its first write of records
 * waits for the read (IndexedDB runs a write after an earlier overlapping transaction), so the
 * sync is not held up by the read and the snapshot holds nothing of the sync. Unchanged pages,
 * which only move `invoicePages` rows (outside `listedTables`), are written meanwhile.
 */
export function beginSnapshot(db: CacheDatabase, today: string, failing: ReadonlyMap<string, string>, held: HeldLedger | null = null): Promise<{ read: Promise<StampedSnapshot> }> {
  return new Promise((begun, failed) => {
    const read = db.transaction('r', [...listedTables(db), db.events, db.cases, db.cacheStamp], () => {
      begun({ read });
      return readSnapshot(db, today, failing, held);
    });
    read.catch(failed);
  });
}

/** The snapshot now, start to end (after a sync). */
export async function cacheSnapshot(db: CacheDatabase, today: string, failing: ReadonlyMap<string, string>, held: HeldLedger | null = null): Promise<StampedSnapshot> {
  return (await beginSnapshot(db, today, failing, held)).read;
}

/**
 * The cache before and after `sync`, as the news compares them (`inputs` is asked at each end;
 * after the sync it may first wait for a screen to load the ledger the sync wrote, so it is read
 * once, not twice). The whole ledger is read only when no screen holds it at the cache's stamp;
 * after a sync that moved no stamp (an unchanged sync writes nothing a load reads) nothing is read
 * again: the cache is as it was before, and only `failing` can differ.
 */
export async function snapshotsAround(
  db: CacheDatabase,
  inputs: (after: boolean) => Promise<SnapshotInputs>,
  sync: () => Promise<unknown>,
): Promise<{ before: CacheSnapshot; after: CacheSnapshot }> {
  const first = await inputs(false);
  const reading = await beginSnapshot(db, first.today, first.failing, first.held);
  const syncing = sync();
  const before = await reading.read;
  await syncing;
  const then = await inputs(true);
  if (then.today === first.today && (await readCacheStamp(db)) === before.stamp) return { before, after: { ...before, failing: then.failing } };
  return { before, after: await cacheSnapshot(db, then.today, then.failing, then.held) };
}

async function readSnapshot(db: CacheDatabase, today: string, failing: ReadonlyMap<string, string>, held: HeldLedger | null): Promise<StampedSnapshot> {
  const stamp = await readCacheStamp(db);
  const [ledger, recourses, cases] = await Promise.all([
    held?.stamp === stamp && held.day === today ? held.ledger : loadLedgerRows(db, today).then((rows) => rows.ledger),
    db.events.where('[type+date]').between(['recourse', Dexie.minKey], ['recourse', Dexie.maxKey]).toArray(),
    db.cases.toArray(),
  ]);
  return {
    stamp,
    invoices: new Map(ledger.map((row) => [`${row.number} ${row.currency}`, { id: row.id, opens: row.opens, number: row.number, customer: row.customer, status: row.status }])),
    recourses: new Map(recourses.map((event) => [event.id, { invoiceNumber: event.invoiceNumber, amount: event.amount, currency: event.currency }])),
    cases: new Map(cases.filter((item) => !item.closedAt).map((item) => [item.id, { reference: item.caseNumber, stage: item.stage ?? item.status }])),
    failing,
  };
}
