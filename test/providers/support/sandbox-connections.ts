import { startSandbox, type RunningSandbox, type SandboxOptions, type SandboxProvider } from '../../../sandbox/start-sandbox';
import { demoConnectionInput } from '../../../sandbox/demo-connection-input';
import type { Connection, NewConnection } from '../../../src-shared/domain/connection';
import type { QuarantinedRecord, SyncRecord } from '../../../src-shared/domain/records';
import type { RpcErrorBody } from '../../../src-shared/rpc/rpc-error';
import type { SyncPage } from '../../../src-shared/rpc/sync-methods';
import type { RpcHarness } from './rpc-harness';
import { unpackSyncPage } from '../../../src-shared/rpc/packed-sync-page';

/**
 * The add-connection input for a running sandbox (the demo launcher's), or with Vettig's
 * client id + secret instead of its API key.
 */
export function connectionInputFor(sandbox: RunningSandbox, variant: 'default' | 'client-credentials' = 'default'): NewConnection {
  const input = demoConnectionInput(sandbox);
  if (variant === 'default' || input.provider !== 'vettig') return input;
  const { clientId = '', clientSecret = '' } = sandbox.credentials;
  return { ...input, secret: { clientId, clientSecret } };
}

export async function startSandboxConnection(
  harness: RpcHarness,
  provider: SandboxProvider,
  options: SandboxOptions = {},
  variant: 'default' | 'client-credentials' = 'default',
): Promise<{ sandbox: RunningSandbox; connection: Connection }> {
  const sandbox = await startSandbox(provider, options);
  const connection = await harness.expectOk('connections.add', connectionInputFor(sandbox, variant));
  return { sandbox, connection };
}

export interface Walk {
  records: SyncRecord[];
  quarantined: QuarantinedRecord[];
  pages: number;
  /** Every error a page answered before the same cursor was asked again. */
  errors: RpcErrorBody[];
}

/**
 * Pages a stream to the end through RPC the way the renderer does: keep the cursor, and when
 * a page fails ask for the same cursor again (up to `attemptsPerPage`).
 */
export async function walkStream(
  harness: RpcHarness,
  connectionId: string,
  stream: string,
  attemptsPerPage = 1,
): Promise<Walk> {
  const records: SyncRecord[] = [];
  const quarantined: QuarantinedRecord[] = [];
  const errors: RpcErrorBody[] = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    let page: SyncPage | null = null;
    for (let attempt = 1; attempt <= attemptsPerPage && page === null; attempt += 1) {
      const result = await harness.call('sync.page', { connectionId, stream: stream as never, cursor });
      if (result.ok) page = unpackSyncPage(result.value);
      else errors.push(result.error);
    }
    if (page === null) throw new Error(`${stream}: page ${pages + 1} failed ${attemptsPerPage} times: ${JSON.stringify(errors.at(-1))}`);
    pages += 1;
    records.push(...page.records);
    quarantined.push(...page.quarantined);
    if (page.nextCursor === null) return { records, quarantined, pages, errors };
    cursor = page.nextCursor;
  }
}
