import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { Connection } from '../../src-shared/domain/connection';
import type { SyncStream } from '../../src-shared/domain/provider';
import { unpackSyncPage } from '../../src-shared/rpc/packed-sync-page';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { call } from '../bridge/bridge';
import { cacheDatabase } from '../db/cache-database';
import { ifConnectionFree } from '../sync/connection-lock';
import { onNewsFromOtherWindows, tellOtherWindows } from '../sync/connection-news';
import { detailsStreamOf, SyncCancelled, syncConnection, type SyncProgress } from '../sync/sync-connection';
import { withCachedDetails, type FetchDetails } from '../sync/page-details';
import { forgetStoredErrors, shownError, syncStatesOf } from '../sync/sync-state';

/** `elsewhere`: another window or tab was syncing this connection, so this one did not start. */
export type SyncPhase = 'idle' | 'syncing' | 'done' | 'error' | 'cancelled' | 'elsewhere';

export interface ConnectionSync {
  phase: SyncPhase;
  full: boolean;
  stream: SyncStream | null;
  /** Of the stream: its pages, its invoices' VAT fetched after them, or the details of the invoices they changed. */
  step: SyncProgress['step'];
  /** Of the connection's streams, which one runs (see `overallFraction`). */
  streamIndex: number;
  streamCount: number;
  /** When this sync began (ms since epoch), for the time-left estimate; 0 before any. */
  startedAt: number;
  pages: number;
  records: number;
  done: number;
  total: number | null;
  error: unknown;
  /** When every stream of the connection last completed; null if one never has. */
  lastSuccessAt: string | null;
  /** The last stored error of a stream, from an earlier session (text only in rows stored before codes were). */
  lastError: RpcError | string | null;
}

function idle(): ConnectionSync {
  return { phase: 'idle', full: false, stream: null, step: 'list', streamIndex: 0, streamCount: 0, startedAt: 0, pages: 0, records: 0, done: 0, total: null, error: null, lastSuccessAt: null, lastError: null };
}

/** Per-connection sync progress for the UI; the loop itself lives in sync/. */
export const useSyncStore = defineStore('sync', () => {
  const status = reactive<Record<string, ConnectionSync>>({});
  /** Increases whenever synced data may have changed, so views know to re-read the cache. */
  const revision = ref(0);
  const controllers = new Map<string, AbortController>();

  function of(connectionId: string): ConnectionSync {
    status[connectionId] ??= idle();
    return status[connectionId];
  }

  /** Reads when each connection last synced, from the cache: shown offline too. */
  async function loadHistory(connections: readonly Pick<Connection, 'id'>[]): Promise<void> {
    const db = cacheDatabase();
    await Promise.all(
      connections.map(async (connection) => {
        const states = await syncStatesOf(db, connection.id);
        const entry = of(connection.id);
        const successes = states.map((state) => state.lastSuccessAt);
        entry.lastSuccessAt = successes.length > 0 && successes.every((s) => s !== null) ? [...(successes as string[])].sort()[0]! : null;
        entry.lastError = shownError(states.find((state) => state.lastError !== null)?.lastError ?? null);
      }),
    );
  }

  /**
   * Syncs one connection unless another window or tab is syncing (or removing) it: then this one
   * says so instead of waiting, so no sync queues up unseen behind another, and the other's data
   * appears here when it finishes. The user can press Sync again afterwards.
   */
  async function sync(connection: Connection, options: { full?: boolean } = {}): Promise<void> {
    if (controllers.has(connection.id)) return;
    const entry = of(connection.id);
    const controller = new AbortController();
    controllers.set(connection.id, controller);
    Object.assign(entry, { ...idle(), phase: 'syncing', full: options.full ?? false, startedAt: Date.now(), lastSuccessAt: entry.lastSuccessAt });
    let ran = false;
    try {
      if (!navigator.onLine) throw new RpcError('offline', 'offline');
      const result = await ifConnectionFree(connection.id, () => {
        ran = true;
        const full = options.full ?? false;
        const fetchDetails: FetchDetails = (input) => call('sync.details', input);
        const fetchPage = withCachedDetails(cacheDatabase(), async (input) => unpackSyncPage(await call('sync.page', input)), { full, detailsStream: detailsStreamOf(connection.provider) });
        return syncConnection(cacheDatabase(), fetchPage, connection, {
          full,
          fetchDetails,
          signal: controller.signal,
          onProgress: (progress) => Object.assign(entry, progress),
        });
      });
      entry.phase = result.ran ? 'done' : 'elsewhere';
    } catch (error) {
      entry.phase = error instanceof SyncCancelled ? 'cancelled' : 'error';
      entry.error = error instanceof SyncCancelled ? null : error;
    } finally {
      controllers.delete(connection.id);
      await loadHistory([connection]);
      revision.value += 1;
      if (ran) tellOtherWindows({ kind: 'changed', connectionId: connection.id });
    }
  }

  /** Every connection at once; one failing never stops the others. */
  async function syncAll(connections: readonly Connection[], options: { full?: boolean } = {}): Promise<void> {
    await Promise.allSettled(connections.map((connection) => sync(connection, options)));
  }

  function cancel(connectionId: string): void {
    controllers.get(connectionId)?.abort();
  }

  function isSyncing(connectionId: string): boolean {
    return status[connectionId]?.phase === 'syncing';
  }

  /** The connection's stored errors that `settled` says no longer hold go, from the cache and the card. */
  async function forgetErrors(connectionId: string, settled: (error: RpcError | string) => boolean): Promise<void> {
    await forgetStoredErrors(cacheDatabase(), connectionId, settled);
    await loadHistory([{ id: connectionId }]);
  }

  function forget(connectionId: string): void {
    cancel(connectionId);
    delete status[connectionId];
    revision.value += 1;
  }

  onNewsFromOtherWindows(async ({ kind, connectionId }) => {
    if (kind === 'removing') cancel(connectionId);
    else if (kind === 'removed') forget(connectionId);
    else if (status[connectionId]) {
      if (status[connectionId].phase === 'elsewhere') status[connectionId].phase = 'idle';
      await loadHistory([{ id: connectionId }]);
      revision.value += 1;
    }
  });

  return { status, revision, of, loadHistory, sync, syncAll, cancel, isSyncing, forgetErrors, forget };
});
