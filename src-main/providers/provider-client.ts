import type { ProviderId } from '../../src-shared/domain/provider';
import type { ConnectionTestResult } from '../../src-shared/rpc/connections-methods';
import type { KnownPage, SyncDetails, SyncPage } from '../../src-shared/rpc/sync-methods';
import type { ProviderWrites } from './provider-writes';

/** What every provider folder exports: one cheap authenticated check, and one page at a time. */
export interface ProviderClient {
  readonly provider: ProviderId;
  test(): Promise<ConnectionTestResult>;
  /**
   * One page of `stream` from `cursor` (null = the start); throws RpcError on failure. With
   * `deferDetails` the per-invoice details are left to `details` (see SyncPage.pendingDetails).
   * A page `known` names at `cursor` whose answer is still byte for byte the same may come back
   * `unchanged` (a client that hashes its pages: SyncPage.pageHash); others ignore `known`.
   */
  page(stream: string, cursor: string | null, options?: { deferDetails?: boolean; known?: readonly KnownPage[] }): Promise<SyncPage>;
  /** The details the requests of a deferred page name, in order; all or none (a failure throws). */
  details?(stream: string, requests: readonly string[]): Promise<SyncDetails>;
  /** The writes this provider supports, if any (see providers/README.md, Writes). */
  readonly writes?: ProviderWrites;
}

/** The connection's secret as the keychain holds it, and the way to replace it (key renewal). */
export interface SecretAccess {
  read(): Promise<unknown>;
  write(secret: unknown): Promise<void>;
}

/**
 * The secret read from the keychain once for the client's lifetime (clients are per connection
 * and replaced when it is edited); a failed read is tried again on the next call, and a renewed
 * key replaces what is held.
 */
export function cachedSecret(access: SecretAccess): SecretAccess {
  let held: Promise<unknown> | null = null;
  return {
    read() {
      if (held) return held;
      const reading = access.read();
      held = reading;
      reading.catch(() => {
        if (held === reading) held = null;
      });
      return reading;
    },
    async write(secret) {
      await access.write(secret);
      held = Promise.resolve(secret);
    },
  };
}
