import type { SyncStream } from '../../src-shared/domain/provider';
import type { CacheDatabase, SyncState } from '../db/cache-database';

export async function loadSyncState(db: CacheDatabase, connectionId: string, stream: SyncStream): Promise<SyncState> {
  return (
    (await db.syncState.get([connectionId, stream])) ?? {
      connectionId,
      stream,
      cursor: null,
      generation: 0,
      fullResync: false,
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
    }
  );
}

/** A failed attempt is remembered on its stream; no record is touched. */
export async function recordSyncError(
  db: CacheDatabase,
  connectionId: string,
  stream: SyncStream,
  message: string,
  now: string,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const state = await loadSyncState(db, connectionId, stream);
    await db.syncState.put({ ...state, lastAttemptAt: now, lastError: message });
  });
}

export async function syncStatesOf(db: CacheDatabase, connectionId: string): Promise<SyncState[]> {
  return db.syncState.where('connectionId').equals(connectionId).toArray();
}
