import type { Socket } from 'node:net';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { demoConnectionInput } from '../../sandbox/demo-connection-input';
import { startSandbox } from '../../sandbox/start-sandbox';
import type { Connection } from '../../src-shared/domain/connection';
import { rpcCall } from '../support/app-with-sandboxes';
import { startBrowserMode } from '../support/browser-mode';
import { launchChromium } from '../support/chromium';
import type { BenchResult } from './support/bench-result';
import { cacheStampOf, syncAllPressable } from './support/cache-stamp';
import { profiled } from './support/cpu-profile';
import { measureDetailCallCosts, type CallCost } from './support/detail-call-costs';
import { syncStateOf } from './support/sync-state';

/** Aptic invoices in the sandbox; RESKONTRA_BENCH_DETAILS_SCALE sets fewer for a quick look. */
const scale = Number(process.env.RESKONTRA_BENCH_DETAILS_SCALE ?? 100_000);
/** Minutes a sync may take before the run gives up. */
const deadlineMs = Number(process.env.RESKONTRA_BENCH_DEADLINE_MIN ?? 60) * 60_000;

/** Aptic's per-invoice calls: the detail (VAT), its transactions and its financial details. */
const detailPath = /^\/v1\/Invoices\/[0-9a-f-]{36}(\/Transactions|\/FinancialDetails)?(\?|$)/;

/**
 * Counts the detail calls the app makes and how many it had in flight at once. The sandbox answers
 * each request as soon as it is read, so in flight is told by connections: a keep-alive client
 * opens another only when every one it has is busy, so the connections open at a call's arrival
 * are the calls the client had in flight then, or more (one idle since, not yet closed).
 */
function detailCounter() {
  const counted = { calls: 0, inFlight: 0, peak: 0, sumInFlight: 0 };
  const seen = new WeakSet<Socket>();
  return {
    counted,
    arrived(url: string, connection: Socket) {
      if (!seen.has(connection)) {
        seen.add(connection);
        counted.inFlight += 1;
        counted.peak = Math.max(counted.peak, counted.inFlight);
        connection.once('close', () => (counted.inFlight -= 1));
      }
      if (!detailPath.test(decodeURIComponent(url))) return;
      counted.calls += 1;
      counted.sumInFlight += counted.inFlight;
    },
  };
}

/** Invoices whose detail calls are timed on each side alone (three calls each), before the sync through the UI. */
const costedInvoices = Math.min(scale, Number(process.env.RESKONTRA_BENCH_DETAILS_COSTED ?? 2_000));

/**
 * The provider alone (a tight keep-alive client) and main's Aptic client, over the same detail
 * calls, with the CPU each side spends per call: the sync above can go no faster than the two
 * together allow on the cores they share.
 */
async function detailCallCosts(): Promise<BenchResult[]> {
  const { sandboxAlone, client } = await measureDetailCallCosts(1, scale, costedInvoices, 64);
  const figures = (who: string, cost: CallCost): BenchResult[] => [
    { name: `Aptic detail calls, ${who}: calls per second (${cost.calls.toLocaleString('en')} calls)`, value: cost.callsPerSecond, unit: 'calls/s' },
    { name: `Aptic detail calls, ${who}: CPU per call, sandbox / client`, value: cost.sandboxCpuMs, unit: `ms / ${cost.clientCpuMs} ms` },
  ];
  process.stderr.write(`  detail calls: sandbox alone ${sandboxAlone.callsPerSecond} calls/s, main's client ${client.callsPerSecond} calls/s (CPU per call: sandbox ${client.sandboxCpuMs} ms, client ${client.clientCpuMs} ms)\n`);
  return [...figures('the sandbox alone, 64 in flight over keep-alive', sandboxAlone), ...figures("main's Aptic client (VAT, then invoice-details)", client)];
}

/**
 * Ms from Sync pressed to: the invoices stream's walk done, the invoice-details stream's first write
 * (a page of its walk; since it lists nothing of its own, the end of its details step), both done.
 */
interface SyncTimes {
  invoicesMs: number;
  detailsStartMs: number;
  ms: number;
}

/** Presses Sync all and waits until both of the connection's streams finished a walk after it. */
async function syncOnce(page: Page, connection: Connection): Promise<SyncTimes> {
  const streams = ['invoices', 'invoice-details'] as const;
  const before = await Promise.all(streams.map((stream) => syncStateOf(page, connection.id, stream)));
  // Pressable once the round before has read its news (timed by the caller): the clock starts at the press.
  await syncAllPressable(page, deadlineMs);
  const started = Date.now();
  const doneAt: Array<number | null> = [null, null];
  let detailsStartMs: number | null = null;
  await page.getByRole('button', { name: 'Sync all' }).click();
  for (;;) {
    const states = await Promise.all(streams.map((stream) => syncStateOf(page, connection.id, stream)));
    states.forEach((state, n) => {
      if (doneAt[n] === null && state?.lastSuccessAt && state.lastSuccessAt !== before[n]?.lastSuccessAt) doneAt[n] = Date.now() - started;
    });
    const details = states[1];
    // The details stream's first write moves its cursor (or ends it): the VAT step before it is over.
    if (detailsStartMs === null && details && (details.cursor != null || details.lastAttemptAt !== before[1]?.lastAttemptAt)) detailsStartMs = Date.now() - started;
    const [invoicesMs, ms] = doneAt;
    if (invoicesMs != null && ms != null) return { invoicesMs, detailsStartMs: detailsStartMs ?? ms, ms };
    if (Date.now() - started > deadlineMs) throw new Error(`the sync of ${scale} invoices with details did not finish in ${deadlineMs / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Syncs `scale` Aptic invoices with every detail (the invoices stream with each invoice's VAT, then
 * the invoice-details stream: transactions and financial details) through the UI, then syncs the
 * unchanged sandbox again. The sandbox counts the detail calls as they arrive and how many were in
 * flight at once, as the provider sees them. First, each side's cost per detail call alone.
 */
export async function run(): Promise<BenchResult[]> {
  const costs = await detailCallCosts();
  const counter = detailCounter();
  // Counted where the provider sees them: a proxy in between would spend the shared cores on a hop no real sync has.
  const sandbox = await startSandbox('aptic', { seed: 1, scale, watch: (url, _over, connection) => counter.arrived(url, connection) });
  const app = await startBrowserMode(['--browser']);
  const browser = await launchChromium();
  try {
    const connection = await rpcCall<Connection>(app, 'connections.add', { ...demoConnectionInput(sandbox), baseUrl: sandbox.baseUrl });
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();

    const { invoicesMs: firstInvoicesMs, ms: firstMs } = await syncOnce(page, connection);
    const first = { ...counter.counted };
    process.stderr.write(`  first sync with details: ${firstMs} ms, ${first.calls} detail calls, at most ${first.peak} in flight\n`);
    const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
    process.stderr.write(`  load average before the second sync: ${load()}\n`);
    const firstDone = Date.now();
    await syncAllPressable(page, deadlineMs);
    const firstNewsMs = Date.now() - firstDone;
    const stampBefore = await cacheStampOf(page);
    const second = await profiled(page, 'second sync', () => syncOnce(page, connection));
    const secondCalls = counter.counted.calls - first.calls;
    // The round ends once its news are read (the cache compared before and after): Sync all is pressable again.
    const streamsDone = Date.now();
    await syncAllPressable(page, deadlineMs);
    const newsMs = Date.now() - streamsDone;
    const stampMoved = (await cacheStampOf(page)) !== stampBefore;
    process.stderr.write(`  news read after both streams: first round ${firstNewsMs} ms, second ${newsMs} ms; the second moved the cache stamp: ${stampMoved ? 'yes' : 'no'}\n`);
    process.stderr.write(`  second sync, unchanged: ${second.ms} ms, ${secondCalls} detail calls; load average after it: ${load()}\n`);

    const name = `sync ${scale.toLocaleString('en')} Aptic invoices including details`;
    return [
      { name: `${name}, first: Sync pressed to both streams done`, value: firstMs, unit: 'ms', target: scale === 100_000 ? '< 60,000 ms' : undefined },
      { name: `${name}, first: the invoices stream (with VAT) done`, value: firstInvoicesMs, unit: 'ms' },
      { name: `${name}, first: detail calls (VAT, transactions, financial details)`, value: first.calls, unit: 'calls' },
      { name: `${name}, first: detail calls per second`, value: Math.round(first.calls / (firstMs / 1000)), unit: 'calls/s' },
      { name: `${name}, first: connections open at once (the calls in flight, or more), most / mean at each detail call`, value: first.peak, unit: `connections (mean ${(first.sumInFlight / Math.max(1, first.calls)).toFixed(1)})` },
      { name: `${name}, first: after both streams, until Sync all may be pressed again (its news read)`, value: firstNewsMs, unit: 'ms' },
      ...costs,
      { name: `${name}, second (unchanged): Sync pressed to both streams done`, value: second.ms, unit: 'ms', target: scale === 100_000 ? '< 3,000 ms' : undefined },
      { name: `${name}, second (unchanged): the invoices stream's walk`, value: second.invoicesMs, unit: 'ms' },
      { name: `${name}, second (unchanged): its VAT step, to the invoice-details stream's first write`, value: second.detailsStartMs - second.invoicesMs, unit: 'ms' },
      { name: `${name}, second (unchanged): the invoice-details stream after it`, value: second.ms - second.detailsStartMs, unit: 'ms' },
      { name: `${name}, second (unchanged): after both streams, until Sync all may be pressed again (its news read)`, value: newsMs, unit: 'ms' },
      { name: `${name}, second (unchanged): the cache stamp moved (1: something a load reads was written)`, value: stampMoved ? 1 : 0, unit: '', target: '0' },
      { name: `${name}, second (unchanged): detail calls`, value: secondCalls, unit: 'calls', target: '0' },
    ];
  } finally {
    await browser.close();
    await app.stop();
    await sandbox.close();
  }
}
