import { createHash } from 'node:crypto';
import type { Invoice, QuarantinedRecord } from '../../../src-shared/domain/records';
import type { KnownPage, SyncPage } from '../../../src-shared/rpc/sync-methods';
import type { FetchPage } from '../../../src-renderer/sync/sync-connection';

export const connection = { id: 'aptic-1', provider: 'aptic' as const };
export type Served = { invoices: Invoice[]; quarantined?: QuarantinedRecord[] };

/**
 * A provider as main answers it (the contract of `sync.page`): each page with the hash of what it
 * serves, `unchanged` when the walk hands back that hash at that cursor. Cursors are page indexes.
 * It lists no invoice details. `asked` is each invoices page asked for: its cursor, and whether a
 * known page came with it.
 */
export function provider(pages: Served[]) {
  const asked: Array<{ cursor: string | null; known: boolean }> = [];
  const fetchPage: FetchPage = async ({ stream, cursor, known }) => {
    if (stream !== 'invoices') return { records: [], quarantined: [], nextCursor: null, progress: { done: 0, total: 0 } };
    const at = cursor === null ? 0 : Number(cursor);
    const served = pages[at]!;
    const pageHash = createHash('sha256').update(JSON.stringify(served)).digest('base64url');
    const nextCursor = at + 1 < pages.length ? String(at + 1) : null;
    const same: KnownPage | undefined = known?.find((page) => page.cursor === cursor && page.pageHash === pageHash);
    asked.push({ cursor, known: known?.some((page) => page.cursor === cursor) ?? false });
    const progress = { done: at + 1, total: pages.length };
    if (same) return { records: [], quarantined: [], nextCursor: same.nextCursor, progress, pageHash, unchanged: true };
    return { records: structuredClone(served.invoices), quarantined: structuredClone(served.quarantined ?? []), nextCursor, progress, pageHash } satisfies SyncPage;
  };
  return { pages, asked, fetchPage };
}
