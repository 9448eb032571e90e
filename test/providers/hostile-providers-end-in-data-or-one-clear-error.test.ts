import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import type { ProviderId } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { syncConnection, type FetchPage } from '../../src-renderer/sync/sync-connection';
import { shownError } from '../../src-renderer/sync/sync-state';
import type { CacheDatabase } from '../../src-renderer/db/cache-database';
import { memoryCache } from '../support/memory-cache';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';
import { connectionInputFor, walkStream } from './support/sandbox-connections';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { unpackSyncPage } from '../../src-shared/rpc/packed-sync-page';

// Runs under scripts/with-keyring.sh. A hostile proxy sits between main and a real sandbox and
// spoils its answers in ways fast-check picks; every sync must end in the sandbox's data or in
// one clear error for that connection, within its timeouts, with the cache still whole.

type Spoil =
  | { kind: 'next-forever' }
  | { kind: 'next-repeats'; page: number }
  | { kind: 'overlapping-pages'; overlap: number }
  | { kind: 'wrong-type'; page: number; field: string; value: unknown }
  | { kind: 'invalid-utf8'; page: number }
  | { kind: 'huge'; page: number }
  | { kind: 'slow-drip'; page: number }
  | { kind: 'endless-transactions' }
  // Aptic's $skip paging: from this page on every page starts `by` records early, as when records
  // are inserted during a walk (ids repeat across pages); a page carrying more than $top; a total
  // that never comes, every page past the end starting over.
  | { kind: 'shifted'; page: number; by: number }
  | { kind: 'overfull'; page: number; extra: number }
  | { kind: 'skip-forever' };

const timeoutMs = 2_000;
const limitBytes = 256 * 1024;

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  json: unknown;
}

function fetchUpstream(base: string, path: string, headers: IncomingHttpHeaders, method = 'GET', body = Buffer.alloc(0)): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, base);
    const outgoing = httpRequest(target, { method, headers: { ...headers, host: target.host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 500, headers: response.headers, json: text === '' ? null : (JSON.parse(text) as unknown) });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A proxy to `sandbox` that spoils what it answers as `spoil.current` says. */
async function startHostileProxy(sandbox: RunningSandbox) {
  const state: { spoil: Spoil | null } = { spoil: null };
  const server = createServer((request, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const url = new URL(request.url ?? '/', 'http://proxy.invalid');
      const apticList = url.pathname === '/v1/Invoices';
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const page = apticList ? Math.floor(skip / 100) + 1 : Number(url.searchParams.get('page') ?? 1);
      // Aptic's token, invoice and details calls have no page: spoiling a page spoils only lists.
      const onPage = (spoiled: number) => page === spoiled && (sandbox.provider !== 'aptic' || apticList);
      const spoil = state.spoil;
      let path = `${url.pathname}${url.search}`;
      if (spoil?.kind === 'next-forever' && page > 2) path = path.replace(/page=\d+/, 'page=2');
      if (spoil?.kind === 'overlapping-pages' && page > 1) path = path.replace(/page=\d+/, `page=${page - 1}`);
      // Always the first transactions, whatever was asked: with a huge total, a page that never ends.
      if (spoil?.kind === 'endless-transactions' && url.pathname.endsWith('/Transactions')) path = path.replace(/(\$|%24)skip=\d+/, '$1skip=0');
      const skipTo = (at: number) => path.replace(/(\$|%24)skip=\d+/, `$1skip=${at}`);
      if (spoil?.kind === 'shifted' && apticList && page >= spoil.page) path = skipTo(Math.max(0, skip - spoil.by));
      if (spoil?.kind === 'skip-forever' && apticList) path = skipTo(skip % 100);
      const upstream = await fetchUpstream(sandbox.baseUrl, path, request.headers, request.method, Buffer.concat(chunks));
      let json = upstream.json as Record<string, unknown> | null;
      if (spoil && json && typeof json === 'object' && upstream.status === 200) {
        const members = json['hydra:member'] as Array<Record<string, unknown>> | undefined;
        if (spoil.kind === 'next-forever' && members) json['hydra:view'] = { 'hydra:next': `${url.pathname}?page=${page + 1}` };
        if (spoil.kind === 'next-repeats' && members && onPage(spoil.page)) json['hydra:view'] = { 'hydra:next': `${url.pathname}?page=${page}` };
        if (spoil.kind === 'overlapping-pages' && members && page > 1) {
          // This page is the previous one's last `overlap` members, then its own.
          const own = await fetchUpstream(sandbox.baseUrl, `${url.pathname}${url.search}`, request.headers);
          const ownJson = own.json as Record<string, unknown>;
          json = { ...ownJson, 'hydra:member': [...members.slice(-spoil.overlap), ...(ownJson['hydra:member'] as unknown[])] };
        }
        if (spoil.kind === 'wrong-type' && members && onPage(spoil.page) && members[0]) members[0][spoil.field] = spoil.value;
        if (spoil.kind === 'endless-transactions' && url.pathname.endsWith('/Transactions')) json['total'] = 1_000_000_000;
        const values = apticList ? (json['value'] as Array<Record<string, unknown>> | undefined) : undefined;
        if (values && spoil.kind === 'shifted' && page >= spoil.page) json['total'] = Number(json['total']) + spoil.by;
        if (values && spoil.kind === 'skip-forever') json['total'] = 1_000_000_000;
        if (values && spoil.kind === 'overfull' && onPage(spoil.page) && skip >= spoil.extra) {
          const before = await fetchUpstream(sandbox.baseUrl, skipTo(skip - spoil.extra).replace(/(\$|%24)top=\d+/, `$1top=${spoil.extra}`), request.headers);
          json['value'] = [...((before.json as { value: unknown[] }).value), ...values];
        }
        if (values && spoil.kind === 'wrong-type' && onPage(spoil.page) && values[0]) values[0][spoil.field] = spoil.value;
      }
      let body = Buffer.from(JSON.stringify(json));
      if (spoil?.kind === 'invalid-utf8' && onPage(spoil.page)) body = Buffer.concat([body.subarray(0, 40), Buffer.from([0xff, 0xfe, 0xc3]), body.subarray(40)]);
      if (spoil?.kind === 'huge' && onPage(spoil.page)) body = Buffer.concat([body, Buffer.alloc(limitBytes * 2, 0x20)]);
      response.writeHead(upstream.status, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json') });
      if (spoil?.kind === 'slow-drip' && onPage(spoil.page) && (url.pathname === '/invoices' || apticList)) {
        let at = 0;
        const drip = setInterval(() => {
          if (response.destroyed || at >= body.length) {
            clearInterval(drip);
            response.end();
            return;
          }
          response.write(body.subarray(at, at + 16));
          at += 16;
        }, 50);
        return;
      }
      response.end(body);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let harness: RpcHarness;
const sandboxes: RunningSandbox[] = [];
beforeAll(async () => {
  harness = await createRpcHarness({ http: { timeoutMs, retryLimit: 1, retryBaseDelayMs: 5, backoffLimitMs: 20, maxRetryAfterMs: 20, maxResponseBytes: limitBytes } });
});
afterAll(async () => {
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  await harness.close();
});

async function hostileConnection(provider: 'flowtly' | 'aptic', scale: number) {
  const sandbox = await startSandbox(provider, { scale, seed: 3 });
  sandboxes.push(sandbox);
  const proxy = await startHostileProxy(sandbox);
  const connection = await harness.expectOk('connections.add', { ...connectionInputFor(sandbox), baseUrl: proxy.baseUrl });
  return { proxy, connection };
}

const fetchPage: FetchPage = async (input) => {
  const result = await harness.call('sync.page', input);
  if (!result.ok) throw RpcError.fromBody(result.error);
  return unpackSyncPage(result.value);
};

/** Runs one sync through main's dispatch and the renderer's loop into a fresh cache. */
async function syncInto(connection: { id: string; provider: ProviderId }) {
  const { db } = memoryCache();
  const started = Date.now();
  const outcome = await syncConnection(db, fetchPage, connection, { full: false, signal: new AbortController().signal }).then(
    () => null,
    (error: unknown) => error,
  );
  return { db, outcome, seconds: (Date.now() - started) / 1000 };
}

const flowtlySpoils: fc.Arbitrary<Spoil> = fc.oneof(
  fc.constant<Spoil>({ kind: 'next-forever' }),
  fc.integer({ min: 1, max: 3 }).map((page): Spoil => ({ kind: 'next-repeats', page })),
  fc.integer({ min: 1, max: 30 }).map((overlap): Spoil => ({ kind: 'overlapping-pages', overlap })),
  fc
    .record({
      page: fc.integer({ min: 1, max: 3 }),
      field: fc.constantFrom('id', 'name', 'amount', 'currency', 'issueDate', 'dueDate'),
      value: fc.oneof(fc.constant(null), fc.boolean(), fc.constant({}), fc.constant([]), fc.constant('not-a-date-or-number'), fc.double()),
    })
    .map((spoil): Spoil => ({ kind: 'wrong-type', ...spoil })),
  fc.integer({ min: 1, max: 3 }).map((page): Spoil => ({ kind: 'invalid-utf8', page })),
  fc.integer({ min: 1, max: 3 }).map((page): Spoil => ({ kind: 'huge', page })),
  fc.integer({ min: 1, max: 3 }).map((page): Spoil => ({ kind: 'slow-drip', page })),
);

/** Keys of the cached records of one kind, each as often as it is stored: the one place these checks read the cache's layout. */
async function cachedKeys(db: CacheDatabase, kind: 'invoice' | 'ledger-event'): Promise<string[]> {
  const keys = kind === 'invoice' ? (await cachedInvoices(db)).map((row) => row.id) : ((await db.events.toCollection().primaryKeys()) as string[]);
  return keys.sort();
}

/**
 * The property: spoiled as fast-check picks, a sync ends within its timeouts either with every
 * invoice cached or quarantined (none lost, none that the provider does not hold), or with one
 * clear error naming the provider that the stream also stored; and what it cached is the
 * provider's data, even when it failed.
 */
async function endsInDataOrOneClearError(
  provider: 'flowtly' | 'aptic',
  spoils: fc.Arbitrary<Spoil>,
  parameters: fc.Parameters<[Spoil]>,
  { scale, withinSeconds }: { scale: number; withinSeconds: number },
) {
  const { proxy, connection } = await hostileConnection(provider, scale);
  // The sandbox's own data, synced without spoiling: what a successful sync must equal.
  const clean = await syncInto(connection);
  expect(clean.outcome).toBeNull();
  const expected = await cachedKeys(clean.db, 'invoice');
  const expectedEvents = new Set(await cachedKeys(clean.db, 'ledger-event'));
  await fc.assert(
    fc.asyncProperty(spoils, async (spoil) => {
      proxy.state.spoil = spoil;
      const { db, outcome, seconds } = await syncInto(connection);
      expect(seconds).toBeLessThan(withinSeconds);
      const keys = await cachedKeys(db, 'invoice');
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(expected).toContain(key);
      for (const key of await cachedKeys(db, 'ledger-event')) expect(expectedEvents.has(key)).toBe(true);
      if (outcome === null) {
        // Every invoice arrived, or was set aside as unreadable (quarantine), never lost.
        const quarantined = (await db.quarantine.toArray()).filter((entry) => entry.kind === 'invoice');
        expect(keys.length + quarantined.length).toBe(expected.length);
        return;
      }
      expect(outcome).toBeInstanceOf(RpcError);
      const error = outcome as RpcError;
      expect(error.code).toMatch(/^provider_/);
      expect(error.details?.provider).toBe(provider);
      // What was written before the failure is sandbox data (above), and the stream says it failed.
      const states = await db.syncState.toArray();
      const stored = states.map((state) => shownError(state.lastError));
      expect(stored.some((shown) => shown instanceof RpcError && shown.code === error.code && shown.message === error.message)).toBe(true);
    }),
    parameters,
  );
  await proxy.close();
}

describe('a hostile Flowtly', () => {
  it('ends every sync in the full data or one clear Flowtly error, within its timeouts, the cache whole', async () => {
    await endsInDataOrOneClearError('flowtly', flowtlySpoils, { numRuns: 14, seed: 12, examples: [[{ kind: 'next-forever' }], [{ kind: 'slow-drip', page: 2 }]] }, { scale: 250, withinSeconds: 20 });
  }, 240_000);
});

/** Pages of Aptic's invoice list are 100 invoices; at scale 150 there are two. */
const apticSpoils: fc.Arbitrary<Spoil> = fc.oneof(
  fc.constant<Spoil>({ kind: 'skip-forever' }),
  fc.record({ page: fc.integer({ min: 1, max: 2 }), by: fc.integer({ min: 1, max: 30 }) }).map((spoil): Spoil => ({ kind: 'shifted', ...spoil })),
  fc.integer({ min: 1, max: 30 }).map((extra): Spoil => ({ kind: 'overfull', page: 2, extra })),
  fc
    .record({
      page: fc.integer({ min: 1, max: 2 }),
      field: fc.constantFrom('invoiceGuid', 'invoiceNumber', 'currencyCode', 'originalPrincipal', 'remainingSum', 'dueDate', 'status'),
      value: fc.oneof(fc.constant(null), fc.boolean(), fc.constant({}), fc.constant([]), fc.constant('not-a-date-or-number'), fc.double()),
    })
    .map((spoil): Spoil => ({ kind: 'wrong-type', ...spoil })),
  fc.integer({ min: 1, max: 2 }).map((page): Spoil => ({ kind: 'invalid-utf8', page })),
  fc.integer({ min: 1, max: 2 }).map((page): Spoil => ({ kind: 'huge', page })),
  fc.integer({ min: 1, max: 2 }).map((page): Spoil => ({ kind: 'slow-drip', page })),
);

describe('a hostile Aptic', () => {
  it('ends every sync in the full data or one clear Aptic error, within its timeouts, the cache whole', async () => {
    const examples: [Spoil][] = [[{ kind: 'skip-forever' }], [{ kind: 'overfull', page: 2, extra: 5 }], [{ kind: 'shifted', page: 2, by: 3 }], [{ kind: 'slow-drip', page: 1 }]];
    // Aptic asks two calls per invoice for its details: some 320 calls a sync, so more time.
    await endsInDataOrOneClearError('aptic', apticSpoils, { numRuns: 12, seed: 12, examples }, { scale: 150, withinSeconds: 40 });
  }, 240_000);

  it('whose invoice list never ends (past the end, the start again) fails with a clear error instead of hanging', async () => {
    const { proxy, connection } = await hostileConnection('aptic', 150);
    proxy.state.spoil = { kind: 'skip-forever' };
    const { db, outcome, seconds } = await syncInto(connection);
    // Ends instead of hanging: a walk that followed this provider would never end. The bound is
    // loose because the check is "ends", not how fast: on two shared cores this varies 3-fold.
    expect(seconds).toBeLessThan(60);
    expect(outcome).toBeInstanceOf(RpcError);
    expect((outcome as RpcError).toBody()).toMatchObject({ code: 'provider_unreadable', details: { provider: 'aptic' } });
    expect((outcome as RpcError).message).toBe('Aptic sent data Reskontra cannot read: it keeps sending pages of records it already sent');
    // The first round of pages is the sandbox's data; the repeat was not written.
    expect(await cachedKeys(db, 'invoice')).toHaveLength(100);
    await proxy.close();
  }, 120_000);

  it('whose pages carry more than asked for, repeating earlier invoices, still yields every invoice', async () => {
    // Past one sync page (ten provider pages), so the next sync page starts where this one ended.
    const { proxy, connection } = await hostileConnection('aptic', 1_150);
    const clean = await walkStream(harness, connection.id, 'invoices');
    proxy.state.spoil = { kind: 'overfull', page: 10, extra: 30 };
    const spoiled = await walkStream(harness, connection.id, 'invoices');
    expect(new Set(spoiled.records.map((record) => record.providerRef))).toEqual(new Set(clean.records.map((record) => record.providerRef)));
    expect(clean.records).toHaveLength(1_150);
    await proxy.close();
  }, 60_000);

  it('whose invoice transactions never end fails that page with a clear error instead of hanging', async () => {
    const { proxy, connection } = await hostileConnection('aptic', 250);
    proxy.state.spoil = { kind: 'endless-transactions' };
    const { outcome, seconds } = await syncInto(connection);
    expect(seconds).toBeLessThan(60);
    expect(outcome).toBeInstanceOf(RpcError);
    expect((outcome as RpcError).toBody()).toMatchObject({ code: 'provider_unreadable', details: { provider: 'aptic' } });
    expect((outcome as RpcError).message).toMatch(/^Aptic sent data Reskontra cannot read: it keeps sending pages past 100 pages of transactions for invoice \S+$/);
    await proxy.close();
  }, 120_000);
});
