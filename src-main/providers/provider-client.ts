import type { ProviderId } from '../../src-shared/domain/provider';
import type { ConnectionTestResult } from '../../src-shared/rpc/connections-methods';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';

/** What every provider folder exports: one cheap authenticated check, and one page at a time. */
export interface ProviderClient {
  readonly provider: ProviderId;
  test(): Promise<ConnectionTestResult>;
  /** One page of `stream` from `cursor` (null = the start); throws RpcError on failure. */
  page(stream: string, cursor: string | null): Promise<SyncPage>;
}

/** The connection's secret as the keychain holds it, and the way to replace it (key renewal). */
export interface SecretAccess {
  read(): Promise<unknown>;
  write(secret: unknown): Promise<void>;
}
