import Dexie from 'dexie';
import type { CacheDatabase } from './cache-database';

/** Everything cached for one connection goes in one transaction: all of it, or none of it. */
export async function removeConnectionData(db: CacheDatabase, connectionId: string): Promise<void> {
  const range: [unknown[], unknown[]] = [
    [connectionId, Dexie.minKey],
    [connectionId, Dexie.maxKey],
  ];
  await db.transaction('rw', [db.invoices, db.events, db.cases, db.syncState, db.quarantine], async () => {
    await db.invoices.where('[connectionId+stream]').between(...range, true, true).delete();
    await db.events.where('[connectionId+stream]').between(...range, true, true).delete();
    await db.cases.where('[connectionId+stream]').between(...range, true, true).delete();
    await db.quarantine.where('[connectionId+stream]').between(...range, true, true).delete();
    await db.syncState.where('connectionId').equals(connectionId).delete();
  });
}
