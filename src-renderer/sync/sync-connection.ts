import { streamsByProvider, type ProviderId, type SyncStream } from '../../src-shared/domain/provider';
import { listsEverything } from '../../src-shared/domain/stream-listing';
import type { KnownPage } from '../../src-shared/rpc/sync-methods';
import type { CacheDatabase } from '../db/cache-database';
import { commitPages, type PageToCommit } from './commit-page';
import { drainPendingDetails } from './drain-pending-details';
import { drainPendingVat } from './drain-pending-vat';
import type { FetchDetails } from './page-details';
import { repeatedPageCheck } from './repeated-pages';
import { openWalk, recordSyncError } from './sync-state';
import { SyncCancelled } from './sync-stopped';
import { lastWalkPages } from './unchanged-pages';

export { SyncCancelled, SyncSuperseded } from './sync-stopped';

/** `known`: the pages the last walk committed here (sync/unchanged-pages.ts), so an unchanged one comes back `unchanged`. */
export type FetchPage = (input: { connectionId: string; stream: SyncStream; cursor: string | null; known?: KnownPage[] }) => Promise<PageToCommit>;

export interface SyncProgress {
  stream: SyncStream;
  /**
   * `list`: the stream's pages are walked; `vat`: its invoices' pending VAT is fetched
   * (`drainPendingVat`), a step of its own; `details`: the stream's events of the invoices the
   * list found changed are fetched (`drainPendingDetails`), instead of a list of its own.
   */
  step: 'list' | 'vat' | 'details';
  /** Which of the connection's steps this is (0-based), of `streamCount`: the bar spans them all. */
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
  /**
   * Fetches pending VAT after the streams whose invoices carry it (`vatStreams`). Without it the
   * VAT of a page from `withCachedDetails` stays pending: only tests of the walk alone leave it out.
   */
  fetchDetails?: FetchDetails;
}

/**
 * Most pages written in one transaction: a run of unchanged pages that came while the write
 * before it lasted (each only moves its chunk's small row), bounded so progress still moves.
 */
const maxPagesPerCommit = 10;

/** The streams whose invoices carry VAT read from a per-invoice detail, drained right after their walk. */
const vatStreams: Partial<Record<ProviderId, SyncStream>> = { aptic: 'invoices', flowtly: 'invoices' };

/** The streams of per-invoice detail events, fetched for the invoices their list stream found changed. */
const detailsStreams: Partial<Record<ProviderId, { list: SyncStream; details: SyncStream }>> = { aptic: { list: 'invoices', details: 'invoice-details' } };

/** The stream of a provider's per-invoice detail events, if it has one (`withCachedDetails` marks them). */
export function detailsStreamOf(provider: ProviderId): SyncStream | undefined {
  return detailsStreams[provider]?.details;
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
  const vatStream = options.fetchDetails ? vatStreams[connection.provider] : undefined;
  const detailsStream = options.fetchDetails ? detailsStreams[connection.provider] : undefined;
  const steps = streams.flatMap((stream): Array<{ stream: SyncStream; step: SyncProgress['step'] }> => {
    if (stream === vatStream) return [{ stream, step: 'list' }, { stream, step: 'vat' }];
    return [{ stream, step: stream === detailsStream?.details ? 'details' : 'list' }];
  });
  const progress: SyncProgress = { stream: streams[0]!, step: 'list', streamIndex: 0, streamCount: steps.length, pages: 0, records: 0, done: 0, total: null };
  for (const [streamIndex, { stream, step }] of steps.entries()) {
    if (options.signal.aborted) throw new SyncCancelled();
    Object.assign(progress, { stream, step, streamIndex, done: 0, total: null });
    try {
      const onProgress = ({ done, total }: { done: number; total: number }) => {
        Object.assign(progress, { done, total });
        options.onProgress?.({ ...progress });
      };
      if (step === 'vat') {
        await drainPendingVat(db, options.fetchDetails!, { connectionId: connection.id, stream }, { signal: options.signal, onProgress });
        continue;
      }
      if (step === 'details') {
        const list = detailsStream!.list;
        await drainPendingDetails(db, options.fetchDetails!, { connectionId: connection.id, listStream: list, stream }, { signal: options.signal, onProgress, now });
        continue;
      }
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
  const lastWalk = await lastWalkPages(db, state, options);
  const ask = (cursor: string | null, known = lastWalk.knownFrom(cursor)) => fetchPage({ connectionId, stream, cursor, ...(known ? { known } : {}) });
  // The pages taken and not yet written, from the walk's cursor; while one run is written, the
  // pages that come meanwhile gather into the next (`commitPages`: one transaction for a run).
  let run: PageToCommit[] = [];
  let writing = null as { done: boolean; cancelled: boolean; written: Promise<void> } | null;
  const write = (pages: PageToCommit[]) => {
    const last = pages[pages.length - 1]!;
    const handle = { done: false, cancelled: false, written: Promise.resolve() };
    handle.written = commitPages(db, state, pages, now())
      .then((next) => {
        state = next;
        progress.pages += pages.length;
        progress.records += pages.reduce((sum, page) => sum + (page.kept?.refs.length ?? page.records.length), 0);
        progress.done = last.progress.done;
        progress.total = last.progress.total ?? null;
        options.onProgress?.({ ...progress });
        // A cancel stops after the pages being written, keeping them; none taken later is written.
        handle.cancelled = state.cursor !== null && options.signal.aborted;
      })
      .finally(() => (handle.done = true));
    // Its failure is handled when it is awaited, before the next write or the walk's end.
    handle.written.catch(() => {});
    return handle;
  };
  /** Waits for the write under way; a cancel seen when it ended stops the walk there. */
  const settle = async () => {
    const before = writing;
    writing = null;
    await before?.written;
    if (before?.cancelled) throw new SyncCancelled();
  };
  let cursor = state.cursor;
  let pending: Promise<PageToCommit> | null = ask(cursor);
  while (pending) {
    let page: PageToCommit;
    try {
      page = await pending;
      if (page.unchanged) {
        // Kept only while none of its invoices came earlier in this walk: a later page's version
        // of an invoice is its current one (the chunk with the highest seq), and a kept chunk
        // keeps its old seq. Else, or when the cache lost it meanwhile, the page is read.
        const kept = await lastWalk.keptAt(connectionId, cursor, page.pageHash);
        page = kept && !checkNotRepeated.seen('invoice', kept.refs) ? { ...page, kept } : await ask(cursor, []);
      }
    } catch (error) {
      // The pages taken before it are written first, as when each was written before the next came.
      await settle();
      if (run.length > 0) await write(run).written;
      throw error;
    }
    pending = null;
    checkNotRepeated(page.kept ? { records: page.kept.refs.map((providerRef) => ({ kind: 'invoice' as const, providerRef })) } : page);
    cursor = page.nextCursor;
    run.push(page);
    // An unchanged page that comes while the run before it is written waits to be written with
    // the next ones; any other page waits for that write before the page after it is asked for,
    // so no more than one page of records is held beside the one being written.
    const more = cursor !== null && !options.signal.aborted;
    const gathering = more && page.kept !== undefined && writing !== null && !writing.done && run.length < maxPagesPerCommit;
    if (!gathering) await settle();
    if (more) {
      pending = ask(cursor);
      // Its failure is handled when it is awaited, after the pages before it are safely written.
      pending.catch(() => {});
    }
    if (gathering) continue;
    writing = write(run);
    run = [];
  }
  await settle();
  // Ended with pages left: cancelled.
  if (state.cursor !== null) throw new SyncCancelled();
}
