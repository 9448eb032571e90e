import { afterEach, describe, expect, it } from 'vitest';
import { commitPages, type PageToCommit } from '../../src-renderer/sync/commit-page';
import { openWalk } from '../../src-renderer/sync/sync-state';
import { lastWalkPages } from '../../src-renderer/sync/unchanged-pages';
import { countedSync, type CountedSync } from './support/counted-sync';
import { walkInvoices } from './support/walk-invoices';

/** 2,500 invoices: three sync pages (1,000, 1,000, 500). */
const scale = 2_500;

/** The last walk's pages as main answers them unchanged, each with the chunk it keeps, from the walk's start. */
async function unchangedRun(sync: CountedSync, state: Awaited<ReturnType<typeof openWalk>>): Promise<PageToCommit[]> {
  const lastWalk = await lastWalkPages(sync.db, state, { full: false });
  const run: PageToCommit[] = [];
  for (let cursor: string | null = null, known = lastWalk.knownFrom(null); known; known = cursor === null ? undefined : lastWalk.knownFrom(cursor)) {
    const page = known[0]!;
    const kept = (await lastWalk.keptAt(sync.connection.id, cursor, page.pageHash))!;
    run.push({ records: [], quarantined: [], nextCursor: page.nextCursor, progress: { done: 0 }, pageHash: page.pageHash, unchanged: true, kept });
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return run;
}

describe('a run of unchanged pages committed together', () => {
  let sync: CountedSync;
  afterEach(async () => sync?.close());

  it('moves every chunk and the cursor past the last in one transaction, or nothing when one of them fails', async () => {
    sync = await countedSync('aptic', { seed: 7, scale });
    await walkInvoices(sync);
    const first = await sync.snapshot();
    const rowsBefore = await sync.db.invoicePages.toArray();

    const state = await openWalk(sync.db, sync.connection.id, 'invoices', { full: false, listsEverything: true });
    const run = await unchangedRun(sync, state);
    expect(run).toHaveLength(3);

    // The last page names a chunk that is not the one its page made (a kill mid-run aborts the same way).
    const broken = { ...run[2]!, kept: { ...run[2]!.kept!, page: { ...run[2]!.kept!.page, pageHash: 'another page' } } };
    await expect(commitPages(sync.db, state, [run[0]!, run[1]!, broken], 'now')).rejects.toThrow(/not the unchanged page/);
    expect(await sync.db.invoicePages.toArray()).toEqual(rowsBefore);
    expect((await sync.db.syncState.get([sync.connection.id, 'invoices']))?.cursor).toBeNull();

    // The walk resumes at its start: nothing lost, nothing twice, and the sweep deletes nothing kept.
    const done = await commitPages(sync.db, state, run, 'now');
    expect(done.cursor).toBeNull();
    expect(done.lastSuccessAt).toBe('now');
    expect(await sync.db.invoiceChunks.count()).toBe(3);
    expect((await sync.db.invoicePages.toArray()).map((row) => row.generation)).toEqual([state.generation, state.generation, state.generation]);
    expect(await sync.snapshot()).toEqual(first);
  }, 300_000);
});
