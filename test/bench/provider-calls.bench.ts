/**
 * `npm run bench -- provider-calls`: what one per-invoice detail call costs main's client, beside
 * the least a client can do, against the Aptic sandbox in a process of its own. The first sync's
 * details step makes three such calls per invoice (300,000 at 100,000 invoices), and main's CPU per
 * call bounds how many it can make a second.
 */
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { staticBearerAuth } from '../../src-main/providers/client-credentials-auth';
import { createDetailLimiter } from '../../src-main/providers/detail-limiter';
import { defaultHttpOptions } from '../../src-main/providers/http-options';
import { mapLimited } from '../../src-main/providers/map-limited';
import { createKeepAliveFetch } from '../../src-main/providers/keep-alive-fetch';
import { createProviderHttp, parseJson } from '../../src-main/providers/provider-http';
import { readBody } from '../../src-main/providers/read-body';
import type { BenchResult } from './support/bench-result';
import { ownCpuMs, rawGet, sandboxToken, startChildSandbox, type ChildSandbox } from './support/detail-call-costs';

/** Detail calls per variant and round; RESKONTRA_BENCH_CALLS sets it (three per invoice). */
const calls = Number(process.env.RESKONTRA_BENCH_CALLS ?? 6_000);
/** Rounds, each running every variant once in turn, so load that comes and goes hits them alike. */
const rounds = Number(process.env.RESKONTRA_BENCH_CALL_ROUNDS ?? 3);
/** In flight at once for every variant (the detail limiter's most is 64); RESKONTRA_BENCH_CALL_CONCURRENCY sets it. */
const concurrency = Number(process.env.RESKONTRA_BENCH_CALL_CONCURRENCY ?? 64);
/** RESKONTRA_BENCH_CALL_VARIANTS: parts, separated by |, of the names of the variants to run (all by default). */
const only = process.env.RESKONTRA_BENCH_CALL_VARIANTS?.split('|') ?? [];


/** One way of making a detail call: GET the path, the body parsed as JSON. */
interface Variant {
  name: string;
  get(path: string): Promise<unknown>;
  close?(): void;
}

/** Today's client as the app sets it up (the detail limiter at `concurrency` from the start), its transport without ky, and bare clients. */
function variants(sandbox: ChildSandbox, base: URL, token: string): Variant[] {
  const agent = new Agent({ keepAlive: true });
  const auth = staticBearerAuth(async () => token);
  const config = { provider: 'aptic', baseUrl: sandbox.baseUrl, options: defaultHttpOptions, auth, redact: (text: string) => text } as const;
  const paced = createProviderHttp({ ...config, limiter: createDetailLimiter({ initial: concurrency, max: concurrency }) });
  const unpaced = createProviderHttp(config);
  // As the app asks: a query as `searchParams`, not in the path.
  const appGet = (http: typeof paced, path: string) => {
    const [at, query] = path.split('?');
    return http.getJson(at!, (body) => body, query === undefined ? undefined : Object.fromEntries(new URLSearchParams(query)));
  };
  const transport = createKeepAliveFetch(sandbox.baseUrl);
  const pacedTransport = createKeepAliveFetch(sandbox.baseUrl, { limiter: createDetailLimiter({ initial: concurrency, max: concurrency }), timeoutMs: defaultHttpOptions.timeoutMs });
  const withoutKy = (send: typeof fetch) => async (path: string) => parseJson(await readBody(await send(new URL(path, base), { headers }), defaultHttpOptions));
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  return [
    { name: 'node:http, a keep-alive agent (the least a client does)', get: async (path) => JSON.parse(await rawGet(agent, new URL(path, base), token)) as unknown, close: () => agent.destroy() },
    { name: 'fetch (undici, keeps sockets alive)', get: async (path) => JSON.parse(await (await fetch(new URL(path, base), { headers })).text()) as unknown },
    { name: "the app's transport without ky (keep-alive-fetch.ts, read-body.ts)", get: withoutKy(transport) },
    { name: "the app's transport without ky, paced", get: withoutKy(pacedTransport) },
    { name: "the app's client, paced (detail limiter)", get: (path) => appGet(paced, path) },
    { name: "the app's client, unpaced (list pages)", get: (path) => appGet(unpaced, path) },
  ];
}

interface Tally {
  ms: number;
  clientCpuMs: number;
  sandboxCpuMs: number;
  calls: number;
}

/**
 * CPU per detail call in this process (the client) and the sandbox's, and calls per second, for
 * today's client beside bare clients, each variant `rounds` times in turn over the same calls.
 */
export async function run(): Promise<BenchResult[]> {
  const sandbox = await startChildSandbox(1, Math.max(1_000, Math.ceil(calls / 3)));
  const agent = new Agent({ keepAlive: true });
  try {
    const { base, token } = await sandboxToken(sandbox);
    const invoices = Math.ceil(calls / 3);
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(invoices / 100) }, async (_, page) => (JSON.parse(await rawGet(agent, new URL(`v1/Invoices?$skip=${page * 100}&$top=100`, base), token)) as { value: Array<{ invoiceGuid: string }> }).value),
    );
    const paths = pages
      .flat()
      .slice(0, invoices)
      .flatMap(({ invoiceGuid }) => [`v1/Invoices/${invoiceGuid}`, `v1/Invoices/${invoiceGuid}/Transactions?$skip=0&$top=100`, `v1/Invoices/${invoiceGuid}/FinancialDetails`])
      .slice(0, calls);
    const all = variants(sandbox, base, token).filter((variant) => only.length === 0 || only.some((part) => variant.name.includes(part)));
    const tallies = all.map((): Tally => ({ ms: 0, clientCpuMs: 0, sandboxCpuMs: 0, calls: 0 }));
    // Warm every variant (JIT, sockets) on a slice first.
    for (const variant of all) await mapLimited(paths.slice(0, 600), concurrency, (path) => variant.get(path));
    for (let round = 0; round < rounds; round += 1) {
      for (const [n, variant] of all.entries()) {
        const cpu = { client: ownCpuMs(), sandbox: sandbox.cpuMs() };
        const started = performance.now();
        await mapLimited(paths, concurrency, (path) => variant.get(path));
        const tally = tallies[n]!;
        tally.ms += performance.now() - started;
        tally.clientCpuMs += ownCpuMs() - cpu.client;
        tally.sandboxCpuMs += sandbox.cpuMs() - cpu.sandbox;
        tally.calls += paths.length;
      }
    }
    for (const variant of all) variant.close?.();
    process.stderr.write(`  provider calls: ${calls} calls x ${rounds} rounds, ${concurrency} in flight, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    return all.flatMap((variant, n) => {
      const { ms, clientCpuMs, sandboxCpuMs, calls: made } = tallies[n]!;
      const perCall = clientCpuMs / made;
      process.stderr.write(`    ${variant.name}: ${Math.round(made / (ms / 1000))} calls/s, CPU per call client ${perCall.toFixed(3)} ms, sandbox ${(sandboxCpuMs / made).toFixed(3)} ms\n`);
      return [
        { name: `Detail calls, ${variant.name}: calls per second`, value: Math.round(made / (ms / 1000)), unit: 'calls/s' },
        { name: `Detail calls, ${variant.name}: client CPU per call`, value: Number(perCall.toFixed(3)), unit: 'ms' },
      ];
    });
  } finally {
    agent.destroy();
    sandbox.close();
  }
}
