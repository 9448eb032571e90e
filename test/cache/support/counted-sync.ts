import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoConnectionInput } from '../../../sandbox/demo-connection-input';
import { startSandbox, type RunningSandbox, type SandboxFaults, type SandboxProvider } from '../../../sandbox/start-sandbox';
import { createHandlers } from '../../../src-main/rpc/create-handlers';
import { createDispatch } from '../../../src-main/rpc/dispatch';
import type { Connection } from '../../../src-shared/domain/connection';
import type { RpcResult } from '../../../src-shared/rpc/rpc-error';
import type { SyncDetails } from '../../../src-shared/rpc/sync-methods';
import type { CacheDatabase } from '../../../src-renderer/db/cache-database';
import { cachedInvoices } from '../../../src-renderer/db/invoice-chunks';
import { withCachedDetails, type FetchDetails } from '../../../src-renderer/sync/page-details';
import { detailsStreamOf, syncConnection, type FetchPage, type SyncOptions } from '../../../src-renderer/sync/sync-connection';
import { startLossyProxy } from '../../actions/support/lossy-proxy';
import { memoryCache } from '../../support/memory-cache';
import { unpackSyncPage } from '../../../src-shared/rpc/packed-sync-page';

/** Runs before each `sync.details` call reaches main (to hold its answer, or change the provider meanwhile). */
export type BeforeDetails = (input: { stream: string; requests: string[] }) => Promise<void>;

export interface CountedSync {
  sandbox: RunningSandbox;
  connection: Connection;
  db: CacheDatabase;
  /** Every request the app sent to the sandbox, as `METHOD /path?query`, since the last `clear`. */
  requests: string[];
  /** While set, the answers to the requests it picks (`METHOD /path?query`) are lost on the way back. */
  lose: ((request: string) => boolean) | null;
  /** One sync as the app runs it (stores/sync.ts): main's real handlers, the renderer's loop and cache. */
  sync(options?: Partial<Pick<SyncOptions, 'full' | 'signal' | 'onProgress'>> & { beforeDetails?: BeforeDetails }): Promise<void>;
  /** The pages as a sync asks for them (invoices' VAT left pending), for a walk run beside a sync. */
  listPages(): FetchPage;
  /** What the cache holds, without the walk generation each sync moves on or the connection's id. */
  snapshot(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A sandbox behind a pass-through proxy that counts what the app asks of it (real HTTP both
 * ways), one connection to it through main's handlers, and a fresh cache synced like the app does
 * (`inline`: with every page's details fetched by main before it is committed, a reference).
 */
export async function countedSync(provider: SandboxProvider, options: { seed: number; scale: number; faults?: SandboxFaults; inline?: boolean }): Promise<CountedSync> {
  const sandbox = await startSandbox(provider, options);
  const requests: string[] = [];
  const proxy = await startLossyProxy(sandbox.baseUrl, (method, url) => {
    const request = `${method} ${decodeURIComponent(url)}`;
    requests.push(request);
    return counted.lose?.(request) ?? false;
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-details-'));
  const table = createHandlers({ name: 'Reskontra', version: 'test', transport: 'browser', dataDir, http: { retryBaseDelayMs: 1 } });
  const dispatch = createDispatch(table);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = (await dispatch(method, input)) as RpcResult<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const connection = await table['connections.add']({ ...demoConnectionInput(sandbox), baseUrl: proxy.baseUrl });
  const { db } = memoryCache();
  const counted: CountedSync = {
    sandbox,
    connection,
    db,
    requests,
    lose: null,
    sync: ({ full = false, signal = new AbortController().signal, onProgress, beforeDetails } = {}) => {
      const fetchDetails: FetchDetails = async (input) => {
        await beforeDetails?.(input);
        return call<SyncDetails>('sync.details', input);
      };
      const now = () => '2025-06-30T12:00:00.000Z';
      // Inline: main fetches each page's details before answering it, as before the cache kept any.
      if (options.inline) return syncConnection(db, async (input) => unpackSyncPage(await call('sync.page', input)), connection, { full, signal, onProgress, now });
      const fetchPage = withCachedDetails(db, async (input) => unpackSyncPage(await call('sync.page', input)), { full, detailsStream: detailsStreamOf(connection.provider) });
      return syncConnection(db, fetchPage, connection, { full, signal, onProgress, fetchDetails, now });
    },
    listPages: () => withCachedDetails(db, async (input) => unpackSyncPage(await call('sync.page', input)), { full: false, detailsStream: detailsStreamOf(connection.provider) }),
    snapshot: async () => {
      const invoices = (await cachedInvoices(db)).map(({ generation: _generation, ...invoice }) => invoice);
      const events = (await db.events.orderBy('id').toArray()).map(({ generation: _generation, ...event }) => event);
      // The connection's id is random: named alike, caches of two connections compare.
      return JSON.parse(JSON.stringify({ invoices, events }).replaceAll(connection.id, '<connection>')) as unknown;
    },
    close: async () => {
      await table['connections.remove']({ id: connection.id });
      await proxy.close();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return counted;
}

/** A bearer token from the sandbox's own token endpoint, for reading and writing it directly. */
export async function tokenOf(sync: CountedSync): Promise<string> {
  const { baseUrl, credentials, settings } = sync.sandbox;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId!, client_secret: credentials.clientSecret! });
  const answer = await fetch(`${baseUrl}${settings.tokenPath ?? '/login/oauth/access_token'}`, { method: 'POST', body: form });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** Postpones an Aptic invoice through the sandbox's own write endpoint: its list entry (due date) changes. Returns the answer's status. */
export async function postponeAptic(sync: CountedSync, guid: string, newDueDate: string): Promise<number> {
  const answer = await fetch(`${sync.sandbox.baseUrl}/v1/Invoices/${guid}/Postpone`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(sync)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ newDueDate }),
  });
  return answer.status;
}
