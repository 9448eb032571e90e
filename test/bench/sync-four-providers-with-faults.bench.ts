import { readFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';
import type { SandboxFaults } from '../../sandbox/faults/fault-spec';
import { streamsByProvider, type SyncStream } from '../../src-shared/domain/provider';
import { allProviders, startAppWithSandboxes } from '../support/app-with-sandboxes';
import { launchChromium } from '../support/chromium';
import { datasetFor, expectedFlowtlyInvoices, expectedRows, type Row } from '../providers/support/expected-records';
import type { BenchResult } from './support/bench-result';

/** Invoices per sandbox; RESKONTRA_BENCH_SCALE sets fewer for a quick look. */
const scale = Number(process.env.RESKONTRA_BENCH_SCALE ?? 100_000);
/** 5% of requests fail, spread over the faults a client must ride out (all retryable). */
const faults: SandboxFaults = { rate429: 0.01, rate500: 0.01, rate503: 0.01, drop: 0.01, malformed: 0.01 };
const seed = 1;
/** Minutes before the run gives up; RESKONTRA_BENCH_DEADLINE_MIN sets more for a loaded machine. */
const deadlineMs = Number(process.env.RESKONTRA_BENCH_DEADLINE_MIN ?? 60) * 60_000;

/** Peak resident memory of a process so far (the kernel's high-water mark), in MB. */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) / 1024;
}

async function heapMb(cdp: CDPSession): Promise<number> {
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

/** Each card's status line: 'done' once it says the sync completed, 'failed' when it gave up. */
async function cardStates(page: Page, labels: readonly string[]): Promise<Array<'done' | 'failed' | 'running'>> {
  return Promise.all(
    labels.map(async (label) => {
      const text = (await page.getByRole('article', { name: label }).innerText()).replace(/\s+/g, ' ');
      if (/Sync complete/.test(text)) return 'done';
      if (/Sync failed|The last sync failed/.test(text)) return 'failed';
      return 'running';
    }),
  );
}

/**
 * The cache as comparable rows per connection and stream, built inside the page (a million
 * records would not fit through one evaluate as JSON), the same fields as rowsOf in
 * test/providers/support/expected-records.ts.
 */
const cacheRows = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('reskontra-cache');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = (store) => new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  // Invoices are stored a page at a time (src-renderer/db/invoice-chunks.ts): the last chunk holding an id has its current version.
  const invoices = new Map();
  for (const chunk of await all('invoiceChunks')) {
    for (const invoice of chunk.text === undefined ? chunk.invoices : JSON.parse(chunk.text)) invoices.set(invoice.id, { ...invoice, connectionId: chunk.connectionId, stream: chunk.stream });
  }
  const out = [];
  for (const rows of [[...invoices.values()], await all('events'), await all('cases')]) {
    for (const r of rows) {
      const row = r.kind === 'invoice' ? { number: r.number, currency: r.currency, total: r.total, paid: r.paid, outstanding: r.outstanding }
        : r.kind === 'ledger-event' ? { type: r.type, date: r.date, currency: r.currency, amount: r.amount, invoiceNumber: r.invoiceNumber }
        : { currency: r.currency, capital: r.balance.capital.amount, capitalPaid: r.balance.capital.paid, interest: r.balance.interest.amount, costs: r.balance.costs.amount, totalOutstanding: r.balance.totalOutstanding };
      out.push([r.connectionId, r.stream, r.providerRef, row]);
    }
  }
  db.close();
  return out;
})()`;

function sameRow(a: Row, b: Row): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? null) === (b[key] ?? null));
}

/**
 * Four connections, one per provider, each of `scale` invoices (and the events, cases and
 * transactions that come with them), synced at once in Chromium through browser mode against
 * sandboxes failing 5% of requests. A connection that gives up is synced again, as a person would
 * press Sync all again; the figure is the time until every connection holds exactly the data its
 * sandbox generated, with main's peak RSS and the renderer's peak JS heap on the way.
 */
export async function run(): Promise<BenchResult[]> {
  const generating = performance.now();
  const setup = await startAppWithSandboxes({ seed, scale, faults }, allProviders);
  const dataset = datasetFor(seed, scale);
  const generateMs = performance.now() - generating;
  process.stderr.write(`  four sandboxes of ${scale} invoices up in ${Math.round(generateMs)} ms\n`);
  const browser = await launchChromium();
  try {
    await browser.context.addInitScript('globalThis.__name ??= (fn) => fn;');
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await page.goto(setup.app.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
    const labels = setup.connections.map((connection) => connection.label);
    let peakHeap = await heapMb(cdp);
    let rounds = 0;
    /** When each connection first reported its sync complete, in ms from the start. */
    const doneAt = new Map<string, number>();
    const started = performance.now();
    for (;;) {
      rounds += 1;
      await page.getByRole('button', { name: 'Sync all' }).click();
      // The button starts every connection; their cards leave their last state at once.
      await page.waitForTimeout(1_000);
      let states = await cardStates(page, labels);
      while (states.includes('running')) {
        if (performance.now() - started > deadlineMs) throw new Error(`not converged in ${deadlineMs / 60_000} min: ${states.join(', ')}`);
        peakHeap = Math.max(peakHeap, await heapMb(cdp));
        await page.waitForTimeout(1_000);
        states = await cardStates(page, labels);
        for (const [index, connection] of setup.connections.entries()) {
          if (states[index] === 'done' && !doneAt.has(connection.provider)) doneAt.set(connection.provider, performance.now() - started);
        }
      }
      process.stderr.write(`  round ${rounds} after ${Math.round((performance.now() - started) / 1000)} s: ${states.join(', ')}\n`);
      if (states.every((state) => state === 'done')) break;
    }
    const syncMs = performance.now() - started;
    const mainPeakRss = await peakRssMb(setup.app.process.pid!);

    const rows = (await page.evaluate(cacheRows)) as Array<[string, SyncStream, string, Row]>;
    let records = 0;
    const problems: string[] = [];
    for (const connection of setup.connections) {
      const provider = connection.provider;
      for (const stream of streamsByProvider[provider] as readonly SyncStream[]) {
        const cached = rows.filter(([id, s]) => id === connection.id && s === stream);
        records += cached.length;
        const got = new Map(cached.map(([, , ref, row]) => [ref, row]));
        if (got.size !== cached.length) problems.push(`${provider} ${stream}: ${cached.length - got.size} records cached twice`);
        const expected = expectedRows(dataset, provider, stream);
        const missing = [...expected].filter(([ref, row]) => !got.has(ref) || !sameRow(got.get(ref)!, row)).length;
        // Flowtly's drafts are cached too and have no expected row: counted apart.
        const extra = got.size - (expected.size - missing) - (provider === 'flowtly' && stream === 'invoices' ? expectedFlowtlyInvoices(dataset).drafts : 0);
        if (missing > 0 || extra !== 0) problems.push(`${provider} ${stream}: ${missing} missing or different, ${extra} extra`);
      }
    }
    if (problems.length > 0) throw new Error(`the cache is not the sandboxes' data: ${problems.join('; ')}`);
    const name = `sync 4 x ${scale.toLocaleString('en')} invoices, 5% faults`;
    return [
      { name: `${name}: records cached, exactly the sandboxes' data`, value: records, unit: 'records' },
      { name: `${name}: time to converge`, value: Math.round(syncMs), unit: 'ms' },
      { name: `${name}: Sync all presses needed`, value: rounds, unit: 'presses' },
      ...[...doneAt].map(([provider, ms]): BenchResult => ({ name: `${name}: ${provider} complete after`, value: Math.round(ms), unit: 'ms' })),
      { name: `${name}: main process peak RSS`, value: Math.round(mainPeakRss), unit: 'MB' },
      { name: `${name}: renderer JS heap peak (sampled each second)`, value: Math.round(peakHeap), unit: 'MB' },
      { name: `${name}: sandbox data generated in`, value: Math.round(generateMs), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await setup.stop();
  }
}
