import type { SyncStream } from '../../src-shared/domain/provider';
import { isRpcErrorBody, RpcError, type RpcErrorBody } from '../../src-shared/rpc/rpc-error';
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
  error: unknown,
  now: string,
): Promise<void> {
  await db.syncState.update([connectionId, stream], { lastAttemptAt: now, lastError: storedError(error) });
}

/** An error as the cache keeps it: code and details, never only main's English. */
function storedError(error: unknown): RpcErrorBody {
  return error instanceof RpcError ? error.toBody() : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** A stored error to show: an RpcError (translated like a live one), or an old row's text as it was. */
export function shownError(stored: SyncState['lastError']): RpcError | string | null {
  if (stored === null || typeof stored === 'string') return stored;
  return isRpcErrorBody(stored) ? RpcError.fromBody(stored) : new RpcError('internal', 'unreadable stored error');
}

/** Forgets the stored errors of a connection that `settled` says no longer hold (e.g. credentials that now pass a test). */
export async function forgetStoredErrors(db: CacheDatabase, connectionId: string, settled: (error: RpcError | string) => boolean): Promise<void> {
  await db.syncState
    .where('connectionId')
    .equals(connectionId)
    .modify((state) => {
      const error = shownError(state.lastError);
      if (error !== null && settled(error)) state.lastError = null;
    });
}

export async function syncStatesOf(db: CacheDatabase, connectionId: string): Promise<SyncState[]> {
  return db.syncState.where('connectionId').equals(connectionId).toArray();
}
