import type { Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startAppWithSandboxes } from '../support/app-with-sandboxes';
import { loadavg } from 'node:os';
import { apticDetailMsPerInvoice, apticToken, fetchApticPages, profileApticStages, type ApticStageProfile } from './support/aptic-stages';
import { apticInvoicePageSize, apticListConcurrency } from '../../src-main/providers/aptic/client';
import { collectGarbage } from './support/measure';
import { startSandbox } from '../../sandbox/start-sandbox';
import type { BenchResult } from './support/bench-result';
import { heapMbOf, measureInvoicesScreen } from './support/invoices-screen';
import { syncStateOf, vatPendingOf } from './support/sync-state';
import { syncProcessesCpuS } from './support/process-cpu';
import { profiled } from './support/cpu-profile';
import { listPageCpuUs } from './support/list-page-cpu';

const defaultScale = 100_000;

/**
 * The ceiling: the cached invoices written straight into IndexedDB in the cache's own layout
 * (src-renderer/db/invoice-chunks.ts: a chunk of ~1,000 and its directory row per transaction).
 */
async function rawWriteMs(page: Page): Promise<{ ms: number; records: number }> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async () => {
    const cache = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    // A chunk holds its invoices as one JSON text (src-renderer/db/invoice-chunks.ts): rewritten as it is stored.
    type Stored = { seq?: number; text?: string; invoices?: Array<{ id: string; number: string }> };
    const stored = await new Promise<Stored[]>((resolve, reject) => {
      const request = cache.transaction('invoiceChunks').objectStore('invoiceChunks').getAll();
      request.onsuccess = () => resolve(request.result as Stored[]);
      request.onerror = () => reject(request.error);
    });
    const chunks = stored.map(({ seq: _seq, ...chunk }) => ({ chunk, invoices: (chunk.text === undefined ? chunk.invoices! : JSON.parse(chunk.text)) as Array<{ id: string; number: string }> }));
    cache.close();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`raw-ceiling-${Date.now()}`, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore('invoiceChunks', { keyPath: 'seq', autoIncrement: true });
        store.createIndex('[connectionId+stream+generation]', ['connectionId', 'stream', 'generation']);
        request.result.createObjectStore('invoiceDirectory', { keyPath: 'seq' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    for (const { chunk, invoices } of chunks) {
      await new Promise<void>((resolve, reject) => {
        const tx = raw.transaction(['invoiceChunks', 'invoiceDirectory'], 'readwrite');
        tx.objectStore('invoiceChunks').add(chunk).onsuccess = (event) => {
          const seq = (event.target as IDBRequest<number>).result;
          tx.objectStore('invoiceDirectory').add({ seq, ids: invoices.map((i) => i.id), numbers: invoices.map((i) => i.number) });
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        // A throw in a request's handler aborts the transaction without an error event.
        tx.onabort = () => reject(tx.error ?? new Error('the ceiling write was aborted'));
      });
    }
    const ms = performance.now() - started;
    raw.close();
    return { ms, records: new Set(chunks.flatMap(({ invoices }) => invoices.map((i) => i.id))).size };
  });
}

const ms = (value: number) => Math.round(value);

/** The sync's stages, each alone over the same invoices: the largest is the bottleneck. */
function stageRows(label: string, stages: ApticStageProfile, raw: { ms: number }): BenchResult[] {
  const row = (stage: string, value: number): BenchResult => ({ name: `sync ${label} profile: ${stage}`, value: ms(value), unit: 'ms' });
  return [
    row(`fetch (HTTP, ${stages.pages} pages of ${apticInvoicePageSize}, ${apticListConcurrency} at a time, read as text)`, stages.fetchMs),
    row('parse (main: JSON.parse of the provider pages)', stages.parseMs),
    row('validate (main: the envelope with zod, each item with a plain check or zod)', stages.validateMs),
    row('normalise (main: list items to invoices)', stages.normaliseMs),
    row('hash (main: each list entry hashed, its VAT request encoded)', stages.hashMs),
    row(`RPC, serialise (main: the sync pages packed and JSON.stringify'd, ${Math.round(stages.rpcBytes / 1e6)} MB)`, stages.serialiseMs),
    row("RPC, parse (the renderer's JSON.parse and unpack of the same pages, timed in Node)", stages.unpackMs),
    row('write (renderer: the chunks into IndexedDB, one per transaction)', raw.ms),
  ];
}

/**
 * The sandbox alone: pages spread over the whole range, so every offset is generated from its
 * index, with nothing else in the way; side by side, as many requests in flight as a sync might
 * keep (main asks for a sync page's ten at once), the heap it keeps, and its own CPU per page (in
 * a process of its own, list-page-cpu.ts: here its CPU would be mixed with the client's).
 */
async function sandboxAlone(invoices: number): Promise<BenchResult[]> {
  const label = scaleLabel(invoices);
  const allPages = invoices / apticInvoicePageSize;
  const sandbox = await startSandbox('aptic', { seed: 1, scale: invoices });
  const rates: BenchResult[] = [];
  let best = 0;
  let keptMb: number;
  try {
    const token = await apticToken(sandbox);
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const pagesEach = Math.min(250, allPages);
    for (const [round, inFlight] of [1, 4, 10, 20].entries()) {
      const skips = Array.from({ length: pagesEach }, (_, i) => Math.floor((i * invoices) / pagesEach / apticInvoicePageSize) * apticInvoicePageSize + round * apticInvoicePageSize);
      const started = performance.now();
      await fetchApticPages(sandbox, token, skips, inFlight, (text) => text.length);
      const perSecond = pagesEach / ((performance.now() - started) / 1000);
      best = Math.max(best, perSecond);
      rates.push({ name: `sandbox alone, ${label} Aptic invoices: pages of ${apticInvoicePageSize} served, ${inFlight} in flight (${pagesEach} across the range; load ${loadAverage()})`, value: Math.round(perSecond), unit: 'pages/s' });
    }
    collectGarbage();
    keptMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  } finally {
    await sandbox.close();
  }
  const cpuPages = Math.min(1_000, allPages);
  const cpuUs = await listPageCpuUs(invoices, cpuPages, apticListConcurrency);
  return [
    ...rates,
    {
      name: `sandbox alone, ${label} Aptic invoices: all ${allPages.toLocaleString('en')} pages at the best of those rates`,
      value: Math.round((allPages / best) * 1000),
      unit: 'ms',
      ...(invoices >= 1_000_000 ? { target: 'a 1M sync < 60,000 ms' } : {}),
    },
    { name: `sandbox alone, ${label} Aptic invoices: heap kept after serving`, value: Number(keptMb.toFixed(1)), unit: 'MB' },
    {
      name: `sandbox alone, ${label} Aptic invoices: its CPU per list page of ${apticInvoicePageSize} served (own process, keep-alive client, ${apticListConcurrency} in flight, ${cpuPages} pages across the range; load ${loadAverage()})`,
      value: Math.round(cpuUs),
      unit: 'µs',
    },
  ];
}

/** RESKONTRA_BENCH_SYNC_SCALES=10000,100000,1000000: the scales synced (default 100,000). */
function syncScales(): number[] {
  const listed = (process.env.RESKONTRA_BENCH_SYNC_SCALES ?? String(defaultScale)).split(',').map((part) => Number(part.trim()));
  if (listed.some((value) => !Number.isInteger(value) || value < 1_000)) throw new Error('RESKONTRA_BENCH_SYNC_SCALES: whole numbers of invoices, 1,000 or more, comma-separated');
  return listed;
}

/**
 * RESKONTRA_BENCH_SYNC_LIST_ONLY=1: the list figure, its ceiling and its stages, without waiting
 * for the VAT step (one call per invoice: minutes at 100,000). Above 100,000 only the list figure is timed.
 */
const listOnly = process.env.RESKONTRA_BENCH_SYNC_LIST_ONLY === '1';

const scaleLabel = (invoices: number) => (invoices >= 1_000_000 ? `${invoices / 1_000_000}M` : `${invoices / 1_000}k`);
const loadAverage = () => Number(loadavg()[0]!.toFixed(1));

/** Detail calls main makes at once for the VAT (aptic/vat-lines.ts), and how many the ceiling times. */
const detailConcurrency = 10;
const detailSample = 2_000;

/**
 * Syncs `scale` Aptic invoices from the local sandbox into the cache through the UI, as a user
 * would (browser mode, Debian's Chromium, profile on disk), and measures the invoices stream.
 * At 100,000 and less, also its ceiling, each stage alone and the Invoices screen after it.
 */
async function syncAt(scale: number): Promise<BenchResult[]> {
  const label = scaleLabel(scale);
  const setup = await startAppWithSandboxes({ seed: 1, scale }, ['aptic']);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await page.goto(setup.app.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
    const connection = setup.connections[0]!;
    const loadBefore = loadAverage();
    const cpuBefore = syncProcessesCpuS(setup.app.process.pid!, browser.profileDir);
    const started = Date.now();
    await page.getByRole('button', { name: 'Sync all' }).click();
    const waitFor = async (what: string, done: () => Promise<boolean>) => {
      while (!(await done())) {
        if (Date.now() - started > 3_600_000) throw new Error(`${what} of ${scale} invoices did not finish in an hour`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return Date.now() - started;
    };
    // The list walk's last commit, then the VAT step's (sync-connection.ts: the VAT follows the list).
    // RESKONTRA_BENCH_PROFILE=file.cpuprofile keeps the renderer's CPU profile of the whole list walk.
    const listMs = await profiled(page, `list sync ${label}`, () => waitFor('the list', async () => Boolean((await syncStateOf(page, connection.id))?.lastSuccessAt)));
    const cpuAfter = syncProcessesCpuS(setup.app.process.pid!, browser.profileDir);
    const load = `load ${loadBefore}–${loadAverage()}`;
    const target = scale >= 1_000_000 ? '< 60,000 ms' : '< 5,000 ms';
    const listed: BenchResult = { name: `sync ${label} Aptic invoices, list committed: Sync pressed to the list walk's last commit, VAT pending (${load})`, value: Math.round(listMs), unit: 'ms', target };
    // Whether the three overlap: their CPU next to the wall time shows how busy the two cores were.
    const cpu = (part: keyof typeof cpuAfter, what: string): BenchResult => ({ name: `sync ${label} CPU during the list: ${what}`, value: Number((cpuAfter[part] - cpuBefore[part]).toFixed(1)), unit: 's' });
    const cpuRows = [cpu('main', 'main (browser mode)'), cpu('chromium', 'Chromium (all its processes)'), cpu('renderers', "Chromium's renderers (the app's JS)"), cpu('sandbox', 'the sandbox (the bench process)')];
    if (scale > defaultScale) {
      process.stderr.write(`  invoices (${label}): list committed in ${listMs} ms, ${load}; the VAT step is not waited for\n`);
      return [listed, ...cpuRows];
    }
    const vatMs = listOnly ? null : await waitFor('the VAT', async () => (await vatPendingOf(page, connection.id)) === 0);
    process.stderr.write(`  invoices (${label}): list committed in ${listMs} ms, ${vatMs === null ? 'VAT not waited for' : `VAT committed in ${vatMs} ms`}, ${load}\n`);
    // The invoice-details stream (two calls per invoice) is not part of this figure.
    await cancelSync(page, connection.label);
    const secondListMs = await secondListSyncMs(page, connection);
    process.stderr.write(`  invoices (${label}): second list sync, unchanged, in ${secondListMs} ms, load ${loadAverage()}\n`);
    const heapAfterSync = await heapMbOf(cdp);
    const raw = await rawWriteMs(page);
    if (raw.records !== scale) throw new Error(`expected ${scale} cached invoices, found ${raw.records}`);
    const sandbox = setup.sandboxes[0]!;
    // One token for both: a second token request can meet a connection the sandbox just closed.
    const token = await apticToken(sandbox);
    const stages = await profileApticStages(sandbox, token, scale, apticListConcurrency);
    // The fetch half of each ceiling: the same pages (and details) straight from the sandbox, only parsed.
    const listFetchMs = stages.fetchMs + stages.parseMs;
    // Fetching and writing pipelined perfectly: the slower of the two is all the time a sync needs.
    const listCeilingMs = Math.max(listFetchMs, raw.ms);
    const rate = (name: string, value: number, ceiling: number): BenchResult => ({
      name: `sync ${label} Aptic invoices, ${name}: rate vs the ceiling (fetch and write pipelined, no validation)`,
      value: Math.round(scale / (value / 1000)),
      unit: 'records/s',
      ceiling: Math.round(scale / (ceiling / 1000)),
      ratio: Number((ceiling / value).toFixed(2)),
      target: 'ratio >= 0.7',
    });
    const list: BenchResult[] = [
      listed,
      ...cpuRows,
      { name: `second list sync, ${label} unchanged Aptic invoices: Sync pressed to the list walk's last commit (load ${loadAverage()})`, value: secondListMs, unit: 'ms' },
      { name: `ceiling, list: the same pages straight from the sandbox, parsed, or the chunks written, whichever is slower (${loadAverage()})`, value: Math.round(listCeilingMs), unit: 'ms' },
      rate('list committed', listMs, listCeilingMs),
      { name: 'ceiling, write only: the same chunks straight into IndexedDB, one per transaction', value: Math.round(raw.ms), unit: 'ms' },
      ...stageRows(label, stages, raw),
    ];
    if (vatMs === null) {
      process.stderr.write(`  ceiling: fetch only ${Math.round(listFetchMs)} ms, write only ${Math.round(raw.ms)} ms\n`);
      return list;
    }
    const detailMs = (await apticDetailMsPerInvoice(sandbox, token, 1, scale, detailSample, detailConcurrency)) * scale;
    const fetchMs = listFetchMs + detailMs;
    const ceilingMs = Math.max(fetchMs, raw.ms);
    process.stderr.write(`  ceiling: fetch only ${Math.round(fetchMs)} ms (of which details ${Math.round(detailMs)} ms), write only ${Math.round(raw.ms)} ms\n`);
    const screen = await measureInvoicesScreen(page, cdp);
    return [
      ...list,
      { name: `sync ${label} Aptic invoices, VAT committed: Sync pressed to the VAT step's last commit (one detail per invoice)`, value: Math.round(vatMs), unit: 'ms' },
      { name: 'ceiling, VAT: the same pages and details straight from the sandbox, parsed, or the chunks written, whichever is slower', value: Math.round(ceilingMs), unit: 'ms' },
      rate('VAT committed', vatMs, ceilingMs),
      {
        name: `sync ${label} profile: VAT details (HTTP: one GET /v1/Invoices/{guid} per invoice, ${detailConcurrency} at a time, parsed; ${detailSample} timed, times ${scale / detailSample})`,
        value: Math.round(detailMs),
        unit: 'ms',
      },
      { name: 'renderer JS heap after the sync', value: Number(heapAfterSync.toFixed(1)), unit: 'MB' },
      { name: `Invoices screen, ${label} cached: open to first rows visible (the ledger joined)`, value: screen.firstRowsMs, unit: 'ms', target: '< 150 ms' },
      { name: `Invoices screen, ${label} cached: all rows searchable (in-memory index built)`, value: screen.indexReadyMs, unit: 'ms', target: '< 1,000 ms' },
      { name: `Invoices screen, ${label} cached: keystroke to updated list, p95`, value: screen.keystrokeP95Ms, unit: 'ms', target: '< 30 ms' },
      { name: `Invoices screen, ${label} cached: keystroke to updated list, median`, value: screen.keystrokeMedianMs, unit: 'ms' },
      { name: `Invoices screen, ${label} cached: renderer JS heap`, value: screen.heapMb, unit: 'MB', target: '< 100 MB' },
    ];
  } finally {
    await browser.close();
    await setup.stop();
  }
}

async function cancelSync(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Cancel sync of ${label}` }).click().catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('progress'), undefined, { timeout: 120_000 });
}

/**
 * Sync all pressed again, nothing changed at the provider: ms to the invoices walk's last commit.
 * The rest of that sync (the VAT step, the invoice-details stream) is cancelled.
 */
async function secondListSyncMs(page: Page, connection: { id: string; label: string }): Promise<number> {
  const before = (await syncStateOf(page, connection.id))?.lastSuccessAt;
  const started = Date.now();
  await page.getByRole('button', { name: 'Sync all' }).click();
  while ((await syncStateOf(page, connection.id))?.lastSuccessAt === before) {
    if (Date.now() - started > 3_600_000) throw new Error('the second list sync did not finish in an hour');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ms = Date.now() - started;
  await cancelSync(page, connection.label);
  return ms;
}

/** The sandbox alone at a million and at each synced scale first (it says whether a sync can be quick), then each sync. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const invoices of new Set([1_000_000, ...syncScales()])) results.push(...(await sandboxAlone(invoices)));
  for (const scale of syncScales()) results.push(...(await syncAt(scale)));
  return results;
}
