import { SyncCancelled, syncConnection, type FetchPage } from '../../../src-renderer/sync/sync-connection';
import type { CountedSync } from './counted-sync';

/**
 * Walks the invoices stream alone, as a sync runs it (main's real handlers against the sandbox,
 * the renderer's loop and cache), cancelled once that walk is over or after `pages` of it;
 * answers, per page the walk asked for, whether main said it was unchanged.
 */
export async function walkInvoices(sync: CountedSync, { full = false, pages }: { full?: boolean; pages?: number } = {}): Promise<boolean[]> {
  const unchanged: boolean[] = [];
  const listPages = sync.listPages();
  const fetchPage: FetchPage = async (input) => {
    const page = await listPages(input);
    if (input.stream === 'invoices') unchanged.push(page.unchanged === true);
    return page;
  };
  const controller = new AbortController();
  let committed = 0;
  const onProgress = ({ stream, done, total }: { stream: string; done: number; total: number | null }) => {
    if (stream !== 'invoices') return;
    committed += 1;
    if (committed === pages || (total !== null && done >= total)) controller.abort();
  };
  await syncConnection(sync.db, fetchPage, { id: sync.connection.id, provider: 'aptic' }, { full, signal: controller.signal, onProgress }).catch((error: unknown) => {
    if (!(error instanceof SyncCancelled)) throw error;
  });
  return unchanged;
}

