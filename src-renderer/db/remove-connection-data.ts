import Dexie from 'dexie';
import type { CacheDatabase } from './cache-database';
import { deleteInvoiceChunks, invoiceTables } from './invoice-chunks';

/** Everything cached for one connection goes in one transaction: all of it, or none of it. */
export async function removeConnectionData(db: CacheDatabase, connectionId: string): Promise<void> {
  const range: [unknown[], unknown[]] = [
    [connectionId, Dexie.minKey],
    [connectionId, Dexie.maxKey],
  ];
  await db.transaction('rw', [...invoiceTables(db), db.events, db.keptDetails, db.keptDetailEvents, db.cases, db.syncState, db.quarantine], async () => {
    await deleteInvoiceChunks(db, connectionId);
    await db.events.where('[connectionId+stream]').between(...range, true, true).delete();
    const kept = db.keptDetails.where('[connectionId+stream+generation]').between(...range, true, true);
    await db.keptDetailEvents.bulkDelete(await kept.primaryKeys());
    await kept.delete();
    await db.cases.where('[connectionId+stream]').between(...range, true, true).delete();
    await db.quarantine.where('[connectionId+stream]').between(...range, true, true).delete();
    await db.syncState.where('connectionId').equals(connectionId).delete();
  });
}
