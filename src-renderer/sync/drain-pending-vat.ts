import type { SyncStream } from '../../src-shared/domain/provider';
import type { Invoice } from '../../src-shared/domain/records';
import type { CacheDatabase } from '../db/cache-database';
import { drainPending, type DrainProgress, type PendingKind } from './drain-pending';
import type { FetchDetails } from './page-details';

export type { DrainProgress } from './drain-pending';

/**
 * Fetches the VAT of every invoice of the connection whose VAT is pending (committed by the list
 * walk without it, `withCachedDetails`), as `drainPending` does, by the list stream's own calls.
 */
export function drainPendingVat(
  db: CacheDatabase,
  fetchDetails: FetchDetails,
  { connectionId, stream }: { connectionId: string; stream: SyncStream },
  options: { signal: AbortSignal; onProgress?: (progress: DrainProgress) => void },
): Promise<void> {
  const vat: PendingKind = {
    field: 'vatPending',
    listStream: stream,
    detailStream: stream,
    tables: () => [],
    write: async (answered) => answered.map(({ invoice, answer }) => withVat(invoice, answer.vatLines ?? null)),
  };
  return drainPending(db, fetchDetails, vat, connectionId, options);
}

function withVat({ vatPending: _request, ...invoice }: Invoice, vatLines: Invoice['vatLines']): Invoice {
  return { ...invoice, vatLines };
}
