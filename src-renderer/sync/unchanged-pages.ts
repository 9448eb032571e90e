import { maxKnownPagesPerCall, type KnownPage } from '../../src-shared/rpc/sync-methods';
import type { CacheDatabase, SyncState } from '../db/cache-database';
import { earlierWalkPages } from '../db/invoice-chunks';

/** A chunk of the last walk that a page main answered `unchanged` keeps: what `commitPage` moves into the walk. */
export interface KeptChunk {
  seq: number;
  page: KnownPage;
  /** Its invoices' provider references, in order (from its directory row). */
  refs: string[];
}

/**
 * The pages the last walk of a stream committed, by the cursor each was fetched at: what a walk
 * hands main with each `sync.page` call (`knownFrom`) so that a page whose answer is byte for
 * byte the same comes back `unchanged`, and the chunk such a page keeps (`keptAt`). Read once per
 * walk: the walk's own pages are of its generation and never offered again; a Full resync trusts
 * nothing cached and offers none.
 */
export interface LastWalkPages {
  /** The page at `cursor` and those after it (`maxKnownPagesPerCall`), as main compares them; undefined when the cache holds none there. */
  knownFrom(cursor: string | null): KnownPage[] | undefined;
  /** The chunk the page at `cursor` keeps, if main answered it unchanged; undefined when the cache no longer holds it. */
  keptAt(connectionId: string, cursor: string | null, pageHash: string | undefined): Promise<KeptChunk | undefined>;
}

export async function lastWalkPages(db: CacheDatabase, walk: SyncState, { full }: { full: boolean }): Promise<LastWalkPages> {
  const rows = full ? [] : await earlierWalkPages(db, walk.connectionId, walk);
  // One per cursor, the last walk's latest (a cursor is fetched once per walk).
  rows.sort((a, b) => a.generation - b.generation || a.seq - b.seq);
  const byCursor = new Map(rows.map((row) => [row.page.cursor, row] as const));
  return {
    knownFrom(cursor) {
      const chain: KnownPage[] = [];
      for (let row = byCursor.get(cursor); row && chain.length < maxKnownPagesPerCall; row = row.page.nextCursor === null ? undefined : byCursor.get(row.page.nextCursor)) {
        chain.push(row.page);
      }
      return chain.length > 0 ? chain : undefined;
    },
    async keptAt(connectionId, cursor, pageHash) {
      const row = byCursor.get(cursor);
      if (!row || row.page.pageHash !== pageHash) return undefined;
      const directory = await db.invoiceDirectory.get(row.seq);
      // Record ids are `<connectionId>/<providerRef>` (recordId).
      return directory ? { seq: row.seq, page: row.page, refs: directory.ids.map((id) => id.slice(connectionId.length + 1)) } : undefined;
    },
  };
}
