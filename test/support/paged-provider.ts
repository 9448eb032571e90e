import type { SyncStream } from '../../src-shared/domain/provider';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import type { FetchPage } from '../../src-renderer/sync/sync-connection';
import { invoice } from './records';

/**
 * A page source over a list of invoices on one stream (others are empty), answering like sync.page: cursors are offsets as text.
 * `listed` may change between walks (the provider deleted records); `hold` keeps one request in
 * flight until `release`, as a slow network does.
 */
export function pagedInvoices(connectionId: string, count: number, pageSize = 100, served: SyncStream = 'invoices') {
  let listed = Array.from({ length: count }, (_, i) => String(i).padStart(6, '0'));
  const calls: Array<string | null> = [];
  const holds = new Map<string, { reached: () => void; released: Promise<void> }>();
  const releases = new Map<string, () => void>();

  const fetchPage: FetchPage = async ({ stream, cursor }) => {
    calls.push(cursor);
    if (stream !== served) return { records: [], quarantined: [], nextCursor: null, progress: { done: 0, total: 0 } };
    const hold = holds.get(String(cursor));
    if (hold) {
      holds.delete(String(cursor));
      hold.reached();
      await hold.released;
    }
    const start = cursor === null ? 0 : Number(cursor);
    const end = Math.min(start + pageSize, listed.length);
    const records = listed.slice(start, end).map((ref) => invoice(connectionId, ref));
    return { records, quarantined: [], nextCursor: end < listed.length ? String(end) : null, progress: { done: end, total: listed.length } } satisfies SyncPage;
  };

  return {
    fetchPage,
    calls,
    /** The provider stops listing these invoices. */
    drop(refs: readonly string[]): void {
      listed = listed.filter((ref) => !refs.includes(ref));
    },
    /** The next request for this cursor waits for release(cursor); resolves once it is waiting. */
    hold(cursor: string | null): Promise<void> {
      return new Promise<void>((reached) => {
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        holds.set(String(cursor), { reached, released });
        releases.set(String(cursor), release);
      });
    },
    release(cursor: string | null): void {
      releases.get(String(cursor))?.();
    },
  };
}
