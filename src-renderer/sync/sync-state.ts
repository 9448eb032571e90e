import type { SyncStream } from '../../src-shared/domain/provider';
import type { CacheDatabase, SyncState } from '../db/cache-database';

export async function loadSyncState(db: CacheDatabase, connectionId: string, stream: SyncStream): Promise<SyncState> {
  return (
    (await db.syncState.get([connectionId, stream])) ?? {
      connectionId,
      stream,
      cursor: null,
      generation: 0,
      sweep: false,
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
    }
  );
}

/**
 * Where a walk of one stream starts, stored before its first request so that its commits can tell
 * it still owns the stream. An interrupted walk resumes (a sweeping one even when a full resync is
 * asked for: it is one already). Otherwise a new walk starts from the beginning; it sweeps, under
 * a new generation, when it is a full resync or the stream lists everything.
 */
export async function openWalk(
  db: CacheDatabase,
  connectionId: string,
  stream: SyncStream,
  asked: { full: boolean; listsEverything: boolean },
): Promise<SyncState> {
  return db.transaction('rw', db.syncState, async () => {
    const state = await loadSyncState(db, connectionId, stream);
    const resume = state.sweep || (!asked.full && state.cursor !== null);
    const sweep = asked.full || asked.listsEverything;
    const walk: SyncState = resume ? state : { ...state, cursor: null, sweep, generation: state.generation + (sweep ? 1 : 0) };
    await db.syncState.put(walk);
    return walk;
  });
}

/** A failed attempt is remembered on its stream's walk; no record is touched, and no row is made for a removed connection. */
export async function recordSyncError(
  db: CacheDatabase,
  connectionId: string,
  stream: SyncStream,
  message: string,
  now: string,
): Promise<void> {
  await db.syncState.update([connectionId, stream], { lastAttemptAt: now, lastError: message });
}

export async function syncStatesOf(db: CacheDatabase, connectionId: string): Promise<SyncState[]> {
  return db.syncState.where('connectionId').equals(connectionId).toArray();
}
