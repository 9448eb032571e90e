import type { CacheDatabase } from './cache-database';
import { invoiceConnectionIds } from './invoice-chunks';
import { removeConnectionData } from './remove-connection-data';

/**
 * Main's list of connections, or null when it could not be trusted as complete: an error, or a
 * connections file main could not read (then its list is empty for a reason that is no removal).
 */
export type KnownConnections = () => Promise<ReadonlySet<string> | null>;

/** Runs `work` holding the connection's one-writer lock (sync/connection-lock.ts in the window). */
export type HoldingConnection = (connectionId: string, work: () => Promise<void>) => Promise<void>;

/** Every connection id the cache holds a record or a sync state of. */
export async function cachedConnectionIds(db: CacheDatabase): Promise<Set<string>> {
  const byStream = (table: CacheDatabase['events'] | CacheDatabase['cases'] | CacheDatabase['quarantine']) =>
    table.orderBy('[connectionId+stream]').uniqueKeys();
  const [states, invoices, ...streams] = await Promise.all([db.syncState.orderBy('connectionId').uniqueKeys(), invoiceConnectionIds(db), byStream(db.events), byStream(db.cases), byStream(db.quarantine)]);
  const ids = new Set<string>([...states.map(String), ...invoices]);
  for (const key of streams.flat()) ids.add(String((key as unknown[])[0]));
  return ids;
}

/**
 * Deletes the cached data of connections main no longer knows: what is left when the window
 * closed between main forgetting a removed connection and the window deleting its data. Each
 * one is deleted holding the lock removal holds, after asking main again under that lock, so a
 * connection another window added (and is syncing) since the first answer is never touched.
 * Returns the ids whose data went.
 */
export async function removeOrphans(db: CacheDatabase, known: KnownConnections, holding: HoldingConnection): Promise<string[]> {
  const first = await known();
  if (!first) return [];
  const removed: string[] = [];
  for (const id of await cachedConnectionIds(db)) {
    if (first.has(id)) continue;
    await holding(id, async () => {
      const now = await known();
      if (!now || now.has(id)) return;
      await removeConnectionData(db, id);
      removed.push(id);
    });
  }
  return removed;
}
