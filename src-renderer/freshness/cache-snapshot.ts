import Dexie from 'dexie';
import type { CacheDatabase } from '../db/cache-database';
import { listedTables } from '../db/invoice-chunks';
import { loadLedgerRows } from '../queries/ledger-rows';
import type { CacheSnapshot } from './what-changed';

/**
 * What `whatChanged` compares, read from the cache in one read transaction; `failing` comes from
 * the sync store. Resolves once that transaction has begun, with the snapshot still to come in
 * `read`: a sync started then fetches its first pages meanwhile, and its first write of records
 * waits for the read (IndexedDB runs a write after an earlier overlapping transaction), so the
 * sync is not held up by the read and the snapshot holds nothing of the sync. Unchanged pages,
 * which only move `invoicePages` rows (outside `listedTables`), are written meanwhile.
 */
export function beginSnapshot(db: CacheDatabase, today: string, failing: ReadonlyMap<string, string>): Promise<{ read: Promise<CacheSnapshot> }> {
  return new Promise((begun, failed) => {
    const read = db.transaction('r', [...listedTables(db), db.events, db.cases], () => {
      begun({ read });
      return readSnapshot(db, today, failing);
    });
    read.catch(failed);
  });
}

/** The snapshot now, start to end (after a sync). */
export async function cacheSnapshot(db: CacheDatabase, today: string, failing: ReadonlyMap<string, string>): Promise<CacheSnapshot> {
  return (await beginSnapshot(db, today, failing)).read;
}

async function readSnapshot(db: CacheDatabase, today: string, failing: ReadonlyMap<string, string>): Promise<CacheSnapshot> {
  const [{ ledger }, recourses, cases] = await Promise.all([
    loadLedgerRows(db, today),
    db.events.where('[type+date]').between(['recourse', Dexie.minKey], ['recourse', Dexie.maxKey]).toArray(),
    db.cases.toArray(),
  ]);
  return {
    invoices: new Map(ledger.map((row) => [`${row.number} ${row.currency}`, { id: row.id, opens: row.opens, number: row.number, customer: row.customer, status: row.status }])),
    recourses: new Map(recourses.map((event) => [event.id, { invoiceNumber: event.invoiceNumber, amount: event.amount, currency: event.currency }])),
    cases: new Map(cases.filter((item) => !item.closedAt).map((item) => [item.id, { reference: item.caseNumber, stage: item.stage ?? item.status }])),
    failing,
  };
}
