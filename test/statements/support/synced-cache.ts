import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoConnectionInput } from '../../../sandbox/demo-connection-input';
import { createHandlers } from '../../../src-main/rpc/create-handlers';
import { createDispatch } from '../../../src-main/rpc/dispatch';
import { startSandbox, type RunningSandbox, type SandboxProvider } from '../../../sandbox/start-sandbox';
import type { Connection } from '../../../src-shared/domain/connection';
import type { RpcResult } from '../../../src-shared/rpc/rpc-error';
import type { CacheDatabase } from '../../../src-renderer/db/cache-database';
import { syncConnection } from '../../../src-renderer/sync/sync-connection';
import { memoryCache } from '../../support/memory-cache';
import { unpackSyncPage } from '../../../src-shared/rpc/packed-sync-page';

export interface SyncedCache {
  db: CacheDatabase;
  connections: Connection[];
  /** Connection id → label, as the export dialog passes it to the builders. */
  labels: Map<string, string>;
  byProvider(provider: SandboxProvider): Connection;
}

/**
 * A fake-indexeddb cache filled exactly as the app fills it: main's real handlers fetch every
 * page from the sandboxes (`sync.page`), and the renderer's own sync loop commits them.
 * `prepare` runs against each sandbox before it is synced (to write to it, or read its JSON).
 */
export async function syncedCache(
  options: { seed: number; scale: number },
  providers: readonly SandboxProvider[],
  prepare?: (sandbox: RunningSandbox) => Promise<void>,
): Promise<SyncedCache> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-statements-'));
  const table = createHandlers({ name: 'Reskontra', version: 'test', transport: 'browser', dataDir });
  const dispatch = createDispatch(table);
  const { db } = memoryCache();
  const connections: Connection[] = [];
  try {
    for (const provider of providers) {
      const sandbox = await startSandbox(provider, options);
      try {
        await prepare?.(sandbox);
        const connection = await table['connections.add'](demoConnectionInput(sandbox));
        const fetchPage = async (input: { connectionId: string; stream: string; cursor: string | null }) => {
          const result = (await dispatch('sync.page', input)) as RpcResult<unknown>;
          if (!result.ok) throw new Error(`sync.page ${provider} ${input.stream}: ${result.error.message}`);
          return unpackSyncPage(result.value);
        };
        await syncConnection(db, fetchPage, connection, { full: false, signal: new AbortController().signal, now: () => '2025-06-30T12:00:00.000Z' });
        await table['connections.remove']({ id: connection.id });
        connections.push(connection);
      } finally {
        await sandbox.close();
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return {
    db,
    connections,
    labels: new Map(connections.map((connection) => [connection.id, connection.label])),
    byProvider: (provider) => {
      const found = connections.find((connection) => connection.provider === provider);
      if (!found) throw new Error(`no ${provider} connection was synced`);
      return found;
    },
  };
}
