import { providerNames, type ProviderId } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';

/**
 * Ends a walk whose provider serves pages it already served: a page, none of whose records is new
 * to this walk, is a provider paging in circles (an offset past the end answered with the start
 * again, under a total that never comes). Without this the walk only stops at main's record
 * limit, which at a few thousand records a second is hours. Records repeated at a page boundary
 * (inserted during the walk, so an offset page starts a little early) are fine: the page still
 * brings new ones.
 */
export function repeatedPageCheck(provider: ProviderId): (page: SyncPage) => void {
  const seen = new Set<string>();
  return (page) => {
    let fresh = 0;
    for (const record of page.records) {
      const key = `${record.kind} ${record.providerRef}`;
      if (!seen.has(key)) fresh += 1;
      seen.add(key);
    }
    if (page.records.length > 0 && fresh === 0) {
      const said = 'it keeps sending pages of records it already sent';
      throw new RpcError('provider_unreadable', `${providerNames[provider]} sent data Reskontra cannot read: ${said}`, { provider, said, problem: { code: 'repeatedPages' } });
    }
  };
}
