import { streamsByProvider, type ProviderId, type SyncStream } from '../../src-shared/domain/provider';
import { listsEverything } from '../../src-shared/domain/stream-listing';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import type { CacheDatabase } from '../db/cache-database';
import { commitPage } from './commit-page';
import { repeatedPageCheck } from './repeated-pages';
import { openWalk, recordSyncError } from './sync-state';
import { SyncCancelled } from './sync-stopped';

export { SyncCancelled, SyncSuperseded } from './sync-stopped';

export type FetchPage = (input: { connectionId: string; stream: SyncStream; cursor: string | null }) => Promise<SyncPage>;

export interface SyncProgress {
  stream: SyncStream;
  /** Which of the connection's streams this is (0-based), of `streamCount`: the bar spans them all. */
  streamIndex: number;
  streamCount: number;
  /** Pages and records written so far in this sync, over all streams of the connection. */
  pages: number;
  records: number;
  /** Of the current stream: how far it is, out of `total` when the provider says. */
  done: number;
  total: number | null;
}

export interface SyncOptions {
  /**
   * Rebuild from scratch: walk everything, then delete what the provider no longer has. (A normal
   * sync does that too for streams that list everything, each time it walks one from its start.)
   */
  full: boolean;
  signal: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => string;
}

/**
 * Pulls every stream of one connection to its end. Page N+1 is already being fetched while
 * page N is written; a cancel stops after the page being written, keeping it.
 */
export async function syncConnection(
  db: CacheDatabase,
  fetchPage: FetchPage,
  connection: { id: string; provider: ProviderId },
  options: SyncOptions,
): Promise<void> {
  const now = options.now ?? (() => new Date().toISOString());
  const streams = streamsByProvider[connection.provider] as readonly SyncStream[];
  const progress: SyncProgress = { stream: streams[0]!, streamIndex: 0, streamCount: streams.length, pages: 0, records: 0, done: 0, total: null };
  for (const [streamIndex, stream] of streams.entries()) {
    if (options.signal.aborted) throw new SyncCancelled();
    Object.assign(progress, { stream, streamIndex, done: 0, total: null });
    try {
      const walk = { full: options.full, listsEverything: listsEverything(connection.provider, stream) };
      await syncStream(db, fetchPage, connection, stream, walk, options, now, progress);
    } catch (error) {
      if (!(error instanceof SyncCancelled)) {
        await recordSyncError(db, connection.id, stream, error, now());
      }
      throw error;
    }
  }
}

async function syncStream(
  db: CacheDatabase,
  fetchPage: FetchPage,
  { id: connectionId, provider }: { id: string; provider: ProviderId },
  stream: SyncStream,
  walk: Parameters<typeof openWalk>[3],
  options: SyncOptions,
  now: () => string,
  progress: SyncProgress,
): Promise<void> {
  let state = await openWalk(db, connectionId, stream, walk);
  const checkNotRepeated = repeatedPageCheck(provider);
  let pending: Promise<SyncPage> | null = fetchPage({ connectionId, stream, cursor: state.cursor });
  while (pending) {
    const page: SyncPage = await pending;
    pending = null;
    checkNotRepeated(page);
    if (page.nextCursor !== null && !options.signal.aborted) {
      pending = fetchPage({ connectionId, stream, cursor: page.nextCursor });
      // Its failure is handled when it is awaited, after this page is safely written.
      pending.catch(() => {});
    }
    state = await commitPage(db, state, page, now());
    progress.pages += 1;
    progress.records += page.records.length;
    progress.done = page.progress.done;
    progress.total = page.progress.total ?? null;
    options.onProgress?.({ ...progress });
    if (page.nextCursor !== null && options.signal.aborted) throw new SyncCancelled();
  }
}
