import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDetailLimiter, mapInTurn, type DetailLimiter } from '../../src-main/providers/detail-limiter';
import { defaultHttpOptions } from '../../src-main/providers/http-options';
import { createProviderHttp } from '../../src-main/providers/provider-http';
import { createSecretRedaction } from '../../src-main/providers/secret-redaction';

/** What a rule answers a request: go ahead (held `holdMs`, then 200), or refuse with `status`. */
type Verdict = { ok: true } | { ok: false; status: 429 | 503 };
interface Seen {
  /** Requests being served now (accepted, not answered yet). */
  inFlight: number;
  /** Requests that arrived so far, this one included. */
  arrived: number;
  at: number;
}

interface RuledServer {
  baseUrl: string;
  /** 200 answers per item id. */
  answered: Map<number, number>;
  refused: number;
  arrivals: number[];
  close(): Promise<void>;
}

/** A real local provider (port 0) that serves `/items/{id}` under `rule`, `Retry-After: 1` with each refusal. */
async function startRuledServer(rule: (seen: Seen) => Verdict, holdMs: number): Promise<RuledServer> {
  const answered = new Map<number, number>();
  const arrivals: number[] = [];
  let inFlight = 0;
  let refused = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    arrivals.push(performance.now());
    const verdict = rule({ inFlight, arrived: arrivals.length, at: performance.now() });
    if (!verdict.ok) {
      refused += 1;
      response.writeHead(verdict.status, { 'content-type': 'application/json', 'retry-after': '1' });
      response.end(JSON.stringify({ title: 'Too Many Requests' }));
      return;
    }
    inFlight += 1;
    const id = Number(/^\/items\/(\d+)$/.exec(request.url ?? '')?.[1]);
    setTimeout(() => {
      // Counted out before the answer leaves, so the client never sees more room than there is.
      inFlight -= 1;
      answered.set(id, (answered.get(id) ?? 0) + 1);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id }));
    }, holdMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answered,
    arrivals,
    get refused() {
      return refused;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The provider HTTP layer as detail calls use it: one limiter, retries as in the app. */
function detailHttp(server: RuledServer, limiter: DetailLimiter) {
  const redact = createSecretRedaction().redact;
  return createProviderHttp({
    provider: 'aptic',
    baseUrl: server.baseUrl,
    options: { ...defaultHttpOptions, retryLimit: 8, retryBaseDelayMs: 5, backoffLimitMs: 50, maxRetryAfterMs: 5_000 },
    auth: { apply: async () => undefined, recover: async () => false },
    redact,
    limiter,
  });
}

/** Every item fetched as the app fetches details, each a call through one limiter. */
async function fetchAll(server: RuledServer, limiter: DetailLimiter, count: number): Promise<number[]> {
  const http = detailHttp(server, limiter);
  const ids = Array.from({ length: count }, (_, n) => n);
  return mapInTurn(ids, (id) => http.getJson(`items/${id}`, (body) => (body as { id: number }).id));
}

function expectEachOnce(server: RuledServer, results: number[], count: number): void {
  const ids = Array.from({ length: count }, (_, n) => n);
  expect(results).toEqual(ids);
  expect([...server.answered.entries()].sort(([a], [b]) => a - b)).toEqual(ids.map((id) => [id, 1]));
}

let server: RuledServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('detail requests follow the provider', () => {
  it('settle near a limit of N in flight, told by 429s, and finish every call exactly once', async () => {
    const most = 6;
    server = await startRuledServer(({ inFlight }) => (inFlight >= most ? { ok: false, status: 429 } : { ok: true }), 20);
    const limiter = createDetailLimiter();
    const results = await fetchAll(server, limiter, 600);
    expectEachOnce(server, results, 600);
    const stats = limiter.stats();
    // Probing one above N now and then is how it learns N; hammering would refuse far more.
    expect(server.refused / stats.sent).toBeLessThan(0.2);
    expect(stats.limit).toBeGreaterThanOrEqual(most / 2);
    expect(Math.floor(stats.limit)).toBeLessThanOrEqual(most + 1);
    expect(stats.peakInFlight).toBeGreaterThanOrEqual(most);
  }, 60_000);

  it('send nothing new while a provider refusing everything says to wait', async () => {
    let openAt = Number.POSITIVE_INFINITY;
    server = await startRuledServer(({ arrived, at }) => {
      if (arrived === 1) openAt = at + 1_000;
      return at < openAt ? { ok: false, status: 503 } : { ok: true };
    }, 2);
    const limiter = createDetailLimiter({ initial: 8 });
    const results = await fetchAll(server, limiter, 60);
    expectEachOnce(server, results, 60);
    // Only the first eight went before the provider said to wait; none after, until it opened.
    expect(server.arrivals.filter((at) => at < openAt).length).toBe(8);
    expect(limiter.stats().pauses).toBe(1);
  }, 30_000);

  it('keep a high concurrency through random overload answers (2%), never collapsing to 1', async () => {
    server = await startRuledServer(({ arrived }) => (arrived % 100 === 0 ? { ok: false, status: 429 } : arrived % 100 === 50 ? { ok: false, status: 503 } : { ok: true }), 3);
    const limiter = createDetailLimiter({ initial: 8 });
    const results = await fetchAll(server, limiter, 2_000);
    expectEachOnce(server, results, 2_000);
    const stats = limiter.stats();
    expect(stats.overloads).toBeGreaterThanOrEqual(20);
    expect(stats.pauses).toBe(0);
    // It rose well past where it started, faults and all, and ended no lower than half of that.
    expect(stats.peakInFlight).toBeGreaterThanOrEqual(16);
    expect(stats.limit).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('finish the items started first, so one that never ends fails its batch early, and drop what the rest had not sent', async () => {
    server = await startRuledServer(() => ({ ok: true }), 2);
    const limiter = createDetailLimiter({ initial: 8 });
    const http = detailHttp(server, limiter);
    const items = 50;
    const pagesEach = 30;
    // Each item walks its pages one after another, as an invoice's transactions are; item 0 never ends.
    const walk = async (item: number) => {
      for (let page = 0; page < pagesEach; page += 1) await http.getJson(`items/${item * 1_000 + page}`, () => undefined);
      if (item === 0) throw new Error('item 0 keeps sending pages');
      return item;
    };
    const outcome = await mapInTurn(Array.from({ length: items }, (_, n) => n), walk).then(
      () => null,
      (error: unknown) => error,
    );
    const atFailure = server.arrivals.length;
    expect((outcome as Error).message).toBe('item 0 keeps sending pages');
    // Item 0's pages went ahead of later items' (one step of every item in turn would be ~1,500).
    expect(atFailure).toBeLessThan((items * pagesEach) / 2);
    // What the others had in flight is answered; nothing else is sent.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.arrivals.length - atFailure).toBeLessThanOrEqual(limiter.stats().peakInFlight);
    expect(limiter.stats().inFlight).toBe(0);
  }, 30_000);
});
