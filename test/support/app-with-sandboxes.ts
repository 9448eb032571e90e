import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoConnectionInput } from '../../sandbox/demo-connection-input';
import { createHandlers } from '../../src-main/rpc/create-handlers';
import { createDispatch } from '../../src-main/rpc/dispatch';
import { startSandbox, type RunningSandbox, type SandboxOptions, type SandboxProvider } from '../../sandbox/start-sandbox';
import type { Connection } from '../../src-shared/domain/connection';
import { streamsByProvider, type SyncStream } from '../../src-shared/domain/provider';
import type { SyncRecord } from '../../src-shared/domain/records';
import type { RpcResult } from '../../src-shared/rpc/rpc-error';
import { startBrowserMode, type RunningApp } from './browser-mode';
import { unpackSyncPage } from '../../src-shared/rpc/packed-sync-page';

export const allProviders: readonly SandboxProvider[] = ['vettig', 'flowtly', 'confirma', 'aptic'];

/** Calls browser mode's RPC from the test, as the page would. */
export async function rpcCall<T>(app: RunningApp, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${app.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-reskontra-token': app.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as RpcResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface AppWithSandboxes {
  app: RunningApp;
  sandboxes: RunningSandbox[];
  connections: Connection[];
  stopSandboxes(): Promise<void>;
  stop(): Promise<void>;
}

/** Browser mode plus one sandbox and one connection per provider, added through the RPC. */
export async function startAppWithSandboxes(
  options: SandboxOptions,
  providers: readonly SandboxProvider[] = allProviders,
  env: NodeJS.ProcessEnv = {},
): Promise<AppWithSandboxes> {
  const sandboxes = await Promise.all(providers.map((provider) => startSandbox(provider, options)));
  const app = await startBrowserMode(['--browser'], env);
  const connections: Connection[] = [];
  for (const sandbox of sandboxes) connections.push(await rpcCall<Connection>(app, 'connections.add', demoConnectionInput(sandbox)));
  let sandboxesStopped = false;
  const stopSandboxes = async () => {
    if (sandboxesStopped) return;
    sandboxesStopped = true;
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  };
  return {
    app,
    sandboxes,
    connections,
    stopSandboxes,
    stop: async () => {
      await stopSandboxes();
      await app.stop();
    },
  };
}

/**
 * What the providers hold, normalised: every stream of each provider walked to its end through
 * main's own handlers against a fault-free sandbox with the same seed and scale. Records are keyed
 * by kind and provider reference, with the connection id taken out, so they compare with the
 * cache of another connection record by record.
 */
export async function referenceRecords(options: SandboxOptions, providers: readonly SandboxProvider[] = allProviders): Promise<Map<SandboxProvider, Map<string, string>>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-reference-'));
  const table = createHandlers({ name: 'Reskontra', version: 'test', transport: 'browser', dataDir });
  const dispatch = createDispatch(table);
  const result = new Map<SandboxProvider, Map<string, string>>();
  try {
    for (const provider of providers) {
      const sandbox = await startSandbox(provider, { seed: options.seed, scale: options.scale });
      try {
        const connection = await table['connections.add'](demoConnectionInput(sandbox));
        const records = new Map<string, string>();
        for (const stream of streamsByProvider[provider] as readonly SyncStream[]) {
          let cursor: string | null = null;
          do {
            const answer = (await dispatch('sync.page', { connectionId: connection.id, stream, cursor })) as RpcResult<unknown>;
            if (!answer.ok) throw new Error(`reference walk of ${provider} ${stream}: ${answer.error.message}`);
            const page = unpackSyncPage(answer.value);
            for (const record of page.records) records.set(recordKey(record), canonical(record, connection.id));
            cursor = page.nextCursor;
          } while (cursor !== null);
        }
        await table['connections.remove']({ id: connection.id });
        result.set(provider, records);
      } finally {
        await sandbox.close();
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return result;
}

export function recordKey(record: Pick<SyncRecord, 'kind' | 'providerRef'>): string {
  return `${record.kind} ${record.providerRef}`;
}

/** A record as JSON with its connection taken out, and without the cache's own bookkeeping. */
export function canonical(record: object, connectionId: string): string {
  const { stream: _stream, generation: _generation, invoiceNumbers: _numbers, connectionId: _connection, ...rest } = record as Record<string, unknown>;
  return stableJson(rest).split(`${connectionId}/`).join('<connection>/');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Everything the page's IndexedDB cache holds, straight from IndexedDB (not through the app). */
export async function readCache(page: Page): Promise<Array<Record<string, unknown> & { connectionId: string; kind: SyncRecord['kind']; providerRef: string }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = async (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // Invoices are stored a page at a time (src-renderer/db/invoice-chunks.ts): the last chunk holding an id has its current version.
    const invoices = new Map<string, unknown>();
    // A chunk holds its invoices as one JSON text, or (written before that) as an array.
    for (const chunk of (await all('invoiceChunks')) as Array<{ stream: string; generation: number; text?: string; invoices?: Array<{ id: string }> }>) {
      for (const invoice of (chunk.text === undefined ? chunk.invoices! : JSON.parse(chunk.text)) as Array<{ id: string }>) invoices.set(invoice.id, { ...invoice, stream: chunk.stream, generation: chunk.generation });
    }
    const rows = [...invoices.values(), ...(await all('events')), ...(await all('cases'))];
    db.close();
    return rows as Array<Record<string, unknown> & { connectionId: string; kind: 'invoice'; providerRef: string }>;
  });
}

/** Groups cached records per connection in the same canonical form as `referenceRecords`. */
export function cacheByConnection(rows: Awaited<ReturnType<typeof readCache>>): Map<string, Map<string, string>> {
  const byConnection = new Map<string, Map<string, string>>();
  for (const row of rows) {
    let records = byConnection.get(row.connectionId);
    if (!records) byConnection.set(row.connectionId, (records = new Map()));
    records.set(recordKey(row), canonical(row, row.connectionId));
  }
  return byConnection;
}

/** How many records each cache table holds, and the sync state rows, read straight from IndexedDB. */
export async function cacheCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts: Record<string, number> = {};
    // Invoices: how many distinct ids the chunks' directory rows name.
    counts.invoices = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('invoiceDirectory').objectStore('invoiceDirectory').getAll();
      request.onsuccess = () => resolve(new Set((request.result as Array<{ ids: string[] }>).flatMap((row) => row.ids)).size);
      request.onerror = () => reject(request.error);
    });
    for (const store of ['events', 'cases', 'syncState']) {
      counts[store] = await new Promise<number>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return counts;
  });
}
