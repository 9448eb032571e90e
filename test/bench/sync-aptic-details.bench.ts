import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { demoConnectionInput } from '../../sandbox/demo-connection-input';
import { startSandbox } from '../../sandbox/start-sandbox';
import type { Connection } from '../../src-shared/domain/connection';
import { startLossyProxy } from '../actions/support/lossy-proxy';
import { rpcCall } from '../support/app-with-sandboxes';
import { startBrowserMode } from '../support/browser-mode';
import { launchChromium } from '../support/chromium';
import type { BenchResult } from './support/bench-result';
import { profiled } from './support/cpu-profile';
import { syncStateOf } from './support/sync-state';

/** Aptic invoices in the sandbox; RESKONTRA_BENCH_DETAILS_SCALE sets fewer for a quick look. */
const scale = Number(process.env.RESKONTRA_BENCH_DETAILS_SCALE ?? 100_000);
/** Minutes a sync may take before the run gives up. */
const deadlineMs = Number(process.env.RESKONTRA_BENCH_DEADLINE_MIN ?? 60) * 60_000;

/** Aptic's per-invoice calls: the detail (VAT), its transactions and its financial details. */
const detailPath = /^\/v1\/Invoices\/[0-9a-f-]{36}(\/Transactions|\/FinancialDetails)?(\?|$)/;

/** Counts what the app asks of the sandbox, and how many detail calls are in flight at once. */
function detailCounter() {
  const counted = { calls: 0, inFlight: 0, peak: 0, sumInFlight: 0 };
  return {
    counted,
    /** A proxy's view of one request: counted on arrival, out of flight when its answer ended. */
    arrived(url: string, over: Promise<void>) {
      if (!detailPath.test(decodeURIComponent(url))) return;
      counted.calls += 1;
      counted.inFlight += 1;
      counted.sumInFlight += counted.inFlight;
      counted.peak = Math.max(counted.peak, counted.inFlight);
      void over.finally(() => (counted.inFlight -= 1));
    },
  };
}

/** Ms from Sync pressed to: the invoices stream's walk done, the invoice-details stream's first page committed, both done. */
interface SyncTimes {
  invoicesMs: number;
  detailsStartMs: number;
  ms: number;
}

/** Presses Sync all and waits until both of the connection's streams finished a walk after it. */
async function syncOnce(page: Page, connection: Connection): Promise<SyncTimes> {
  const streams = ['invoices', 'invoice-details'] as const;
  const before = await Promise.all(streams.map((stream) => syncStateOf(page, connection.id, stream)));
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
    // The details walk's first commit moves its cursor (or ends it): the VAT step before it is over.
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
 * unchanged sandbox again. The sandbox sits behind a counting proxy (real HTTP both ways), which
 * counts the detail calls and how many were in flight at once, as the provider would see them.
 */
export async function run(): Promise<BenchResult[]> {
  const sandbox = await startSandbox('aptic', { seed: 1, scale });
  const counter = detailCounter();
  const proxy = await startLossyProxy(sandbox.baseUrl, () => false, (url, over) => counter.arrived(url, over));
  const app = await startBrowserMode(['--browser']);
  const browser = await launchChromium();
  try {
    const connection = await rpcCall<Connection>(app, 'connections.add', { ...demoConnectionInput(sandbox), baseUrl: proxy.baseUrl });
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();

    const { invoicesMs: firstInvoicesMs, ms: firstMs } = await syncOnce(page, connection);
    const first = { ...counter.counted };
    process.stderr.write(`  first sync with details: ${firstMs} ms, ${first.calls} detail calls, at most ${first.peak} in flight\n`);
    const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
    process.stderr.write(`  load average before the second sync: ${load()}\n`);
    const second = await profiled(page, 'second sync', () => syncOnce(page, connection));
    const secondCalls = counter.counted.calls - first.calls;
    process.stderr.write(`  second sync, unchanged: ${second.ms} ms, ${secondCalls} detail calls; load average after it: ${load()}\n`);

    const name = `sync ${scale.toLocaleString('en')} Aptic invoices including details`;
    return [
      { name: `${name}, first: Sync pressed to both streams done`, value: firstMs, unit: 'ms', target: scale === 100_000 ? '< 60,000 ms' : undefined },
      { name: `${name}, first: the invoices stream (with VAT) done`, value: firstInvoicesMs, unit: 'ms' },
      { name: `${name}, first: detail calls (VAT, transactions, financial details)`, value: first.calls, unit: 'calls' },
      { name: `${name}, first: detail calls per second`, value: Math.round(first.calls / (firstMs / 1000)), unit: 'calls/s' },
      { name: `${name}, first: detail calls in flight at once, most / mean at each arrival`, value: first.peak, unit: `calls (mean ${(first.sumInFlight / Math.max(1, first.calls)).toFixed(1)})` },
      { name: `${name}, second (unchanged): Sync pressed to both streams done`, value: second.ms, unit: 'ms', target: scale === 100_000 ? '< 3,000 ms' : undefined },
      { name: `${name}, second (unchanged): the invoices stream's walk`, value: second.invoicesMs, unit: 'ms' },
      { name: `${name}, second (unchanged): its VAT step, to the details walk's first commit`, value: second.detailsStartMs - second.invoicesMs, unit: 'ms' },
      { name: `${name}, second (unchanged): the invoice-details walk`, value: second.ms - second.detailsStartMs, unit: 'ms' },
      { name: `${name}, second (unchanged): detail calls`, value: secondCalls, unit: 'calls', target: '0' },
    ];
  } finally {
    await browser.close();
    await app.stop();
    await proxy.close();
    await sandbox.close();
  }
}
