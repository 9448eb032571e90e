import { providerNames, type ProviderId } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { SyncRecord } from '../../src-shared/domain/records';
import { SeenTexts } from './seen-texts';

type Listed = Pick<SyncRecord, 'kind' | 'providerRef'>;

export interface RepeatedPageCheck {
  /** Throws when the page brings no record new to this walk; else remembers its records. */
  (page: { records: readonly Listed[] }): void;
  /** Whether any of these references of `kind` came earlier in this walk; remembers none. */
  seen(kind: Listed['kind'], refs: readonly string[]): boolean;
}

/**
 * Ends a walk whose provider serves pages it already served: a page, none of whose records is new
 * to this walk, is a provider paging in circles (an offset past the end answered with the start
 * again, under a total that never comes). Without this the walk only stops at main's record
 * limit, which at a few thousand records a second is hours. Records repeated at a page boundary
 * (inserted during the walk, so an offset page starts a little early) are fine: the page still
 * brings new ones.
 */
export function repeatedPageCheck(provider: ProviderId): RepeatedPageCheck {
  // A fingerprint of each provider reference, a set per kind (`SeenTexts`): the references
  // themselves kept 77 MB for a walk of 1,000,000 invoices, and adding to a `Set` that large cost
  // more per page the further the walk got.
  const seen = new Map<Listed['kind'], SeenTexts>();
  const check = (page: { records: readonly Listed[] }) => {
    let fresh = 0;
    for (const record of page.records) {
      let refs = seen.get(record.kind);
      if (!refs) seen.set(record.kind, (refs = new SeenTexts()));
      if (refs.add(record.providerRef)) fresh += 1;
    }
    if (page.records.length > 0 && fresh === 0) {
      const said = 'it keeps sending pages of records it already sent';
      throw new RpcError('provider_unreadable', `${providerNames[provider]} sent data Reskontra cannot read: ${said}`, { provider, said, problem: { code: 'repeatedPages' } });
    }
  };
  return Object.assign(check, {
    seen: (kind: Listed['kind'], refs: readonly string[]) => {
      const refsOfKind = seen.get(kind);
      return refsOfKind !== undefined && refs.some((ref) => refsOfKind.has(ref));
    },
  });
}
