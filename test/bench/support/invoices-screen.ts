import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

/** The renderer's JS heap after a full collection, in MB. */
export async function heapMbOf(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

/**
 * The renderer's array buffers and external strings, in MB: outside the JS heap, where the
 * columns' typed arrays and the search's bits are (measured after `heapMbOf`'s collection).
 */
export async function backingStoreMbOf(cdp: CDPSession): Promise<number> {
  const { backingStorageSize } = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
  return (backingStorageSize ?? Number.NaN) / 1024 / 1024;
}

/**
 * The keystrokes typed, a round at a time: each word typed a character at a time, then
 * backspaced. Round two types other words of the same shapes (a number, then words of the
 * customers' names), so every word's first typing is new to the screen; round three repeats round
 * one, whose words the screen's filter cache answers: the figure before this bench counted that
 * round instead of round two, and is still printed beside.
 */
export const keystrokeRounds = [
  ['1', '10', '104', '1042', '10425', '1042', '104', '10', '1', '', 'a', 'ab', 'a', '', 'ö', 'öb', 'öbe', 'öb', 'ö', '', 'v', 'va', 'van', 'va', 'v', ''],
  ['7', '73', '735', '7351', '73518', '7351', '735', '73', '7', '', 'e', 'ek', 'e', '', 'ä', 'äk', 'äki', 'äk', 'ä', '', 'h', 'ha', 'har', 'ha', 'h', ''],
];

/**
 * Types into the Invoices search box inside the page and times each keystroke from the input
 * event to the frame after the list changed (a keystroke that changes nothing on screen counts
 * until its update ran). Plain JavaScript text: tsx would wrap named functions in a helper the
 * page does not have.
 */
const keystrokeTimer = (rounds: readonly (readonly string[])[]) => `(async () => {
  const input = document.querySelector('#invoice-search');
  const watched = document.querySelector('.list-summary').parentElement;
  const rounds = ${JSON.stringify(rounds)};
  const measured = [];
  for (const queries of rounds) {
    for (const text of queries) {
      // A mark per keystroke splits a trace (RESKONTRA_BENCH_TRACE) into keystrokes.
      performance.mark('keystroke ' + JSON.stringify(text));
      const start = performance.now();
      const ms = await new Promise((resolve) => {
        let settled = false;
        let observer;
        const finish = () => {
          if (settled) return;
          settled = true;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        };
        observer = new MutationObserver(finish);
        observer.observe(watched, { subtree: true, childList: true, characterData: true });
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        setTimeout(() => setTimeout(finish, 0), 0);
      });
      measured.push({ text, ms });
    }
  }
  return measured;
})()`;

/** Starts a Chromium trace of the page (the timeline's own categories); the function returned stops it and gives its JSON. */
async function tracing(session: CDPSession): Promise<() => Promise<string>> {
  const events: unknown[] = [];
  session.on('Tracing.dataCollected', ({ value }: { value: unknown[] }) => events.push(...value));
  await session.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] } });
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    return JSON.stringify({ traceEvents: events });
  };
}

interface Keystroke {
  text: string;
  ms: number;
}

const percentileOf = (times: readonly Keystroke[], share: number) => {
  const sorted = times.map(({ ms }) => ms).sort((a, b) => a - b);
  return Number(sorted[Math.floor(sorted.length * share)]!.toFixed(1));
};

/**
 * In the page, before Invoices is clicked: from the click (`window.__clickedAt`) to the frame
 * painted with the list's first rows (`window.__firstRowsAt`), and those rows' text
 * (`window.__firstRows`), to be compared with the list's first rows once it is final. Timed inside
 * the page, as the Dashboard's figures are: a poll from outside waits for the long tasks of the
 * load. Plain JavaScript text: tsx would wrap named functions in a helper.
 */
const firstRowsTimer = `(() => {
  const rowSelector = '.invoice-table tbody tr:not(.spacer)';
  document.querySelector('nav').addEventListener('click', () => (window.__clickedAt = performance.now()), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    const rows = [...document.querySelectorAll(rowSelector)];
    if (rows.length === 0) return;
    observer.disconnect();
    window.__firstRows = rows.slice(0, 20).map((row) => row.innerText);
    requestAnimationFrame(() => (window.__firstRowsAt = performance.now()));
  });
  observer.observe(document, { subtree: true, childList: true });
  // The count said (every row searchable, totals final), seen inside the page.
  const counted = new MutationObserver(() => {
    const status = [...document.querySelectorAll('[role="status"]')].find((element) => /invoices$/.test(element.textContent ?? ''));
    if (!status) return;
    counted.disconnect();
    requestAnimationFrame(() => (window.__countedAt = performance.now()));
  });
  counted.observe(document, { subtree: true, childList: true, characterData: true });
})()`;

interface FirstRows {
  ms: number;
  rows: string[];
}

/**
 * With the 100k invoices cached: a fresh page opens Invoices. Its first rows count only if they
 * are the final list's first rows (the same rows once every row is searchable and the totals
 * are final): rows shown before every invoice is read and joined could be a wrong answer.
 * Then search-as-you-type keystrokes are timed inside the page from the input event to the
 * frame after the list changed.
 */
export async function measureInvoicesScreen(previous: Page, previousCdp: CDPSession, timeout = 120_000) {
  await previousCdp.detach();
  const url = previous.url().replace(/#.*$/, '');
  const token = await previous.evaluate(() => sessionStorage.getItem('reskontra.launchToken'));
  await previous.close();
  // A fresh page, as after a restart: nothing of the cache is in memory yet.
  const cold = await previous.context().newPage();
  // RESKONTRA_BENCH_LOAD_PROFILE=file.cpuprofile keeps the renderer's CPU profile from the page's opening to every row searchable.
  const loadProfile = process.env.RESKONTRA_BENCH_LOAD_PROFILE;
  const loadSession = loadProfile ? await cold.context().newCDPSession(cold) : undefined;
  if (loadSession) {
    await loadSession.send('Profiler.enable');
    await loadSession.send('Profiler.setSamplingInterval', { interval: 200 });
    await loadSession.send('Profiler.start');
  }
  await cold.goto(`${url}#token=${token}`);
  await cold.getByRole('navigation').waitFor();
  await cold.evaluate(firstRowsTimer);
  const started = Date.now();
  await cold.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
  await cold.locator('.invoice-table tbody tr:not(.spacer)').first().waitFor({ timeout });
  const polledMs = Date.now() - started;
  await cold.getByRole('status').filter({ hasText: /invoices$/ }).waitFor({ timeout });
  const countPolledMs = Date.now() - started;
  // Timed inside the page, from the click to the frame painted with the count, as the first rows
  // are: Playwright's poll backs off to one look per 500 ms, so seen from outside the count came
  // up to half a second after it was painted, whatever the load did.
  await cold.waitForFunction(() => (window as { __countedAt?: number }).__countedAt !== undefined, undefined, { timeout });
  const indexReadyMs = Math.round(
    await cold.evaluate(() => {
      const page = window as { __clickedAt?: number; __countedAt?: number };
      return page.__countedAt! - page.__clickedAt!;
    }),
  );
  const steps = (await cold.evaluate(() => {
    const clickedAt = (window as { __clickedAt?: number }).__clickedAt ?? 0;
    const countedAt = (window as { __countedAt?: number }).__countedAt;
    return performance.getEntriesByType('mark').filter(({ name }) => name.startsWith('load: ')).map(({ name, startTime }) => ({ name: name.slice(6), ms: startTime - clickedAt }))
      .concat(countedAt === undefined ? [] : [{ name: 'count painted', ms: countedAt - clickedAt }]);
  })) as { name: string; ms: number }[];
  // The load's steps (src-renderer/stores/load-marks.ts), in ms from the click; the load starts before it, with the page.
  process.stderr.write(`  load steps from the click: ${steps.map(({ name, ms }, at) => `${name} ${Math.round(ms)} (+${Math.round(ms - (steps[at - 1]?.ms ?? ms))})`).join(', ')}; searchable (the count painted) ${indexReadyMs} ms after the click (seen from outside after ${countPolledMs} ms)\n`);
  if (loadSession && loadProfile) {
    await writeFile(loadProfile, JSON.stringify((await loadSession.send('Profiler.stop')).profile));
    await loadSession.detach();
  }
  await cold.waitForFunction(() => (window as { __firstRowsAt?: number }).__firstRowsAt !== undefined, undefined, { timeout });
  const first = (await cold.evaluate(() => {
    const page = window as { __clickedAt?: number; __firstRowsAt?: number; __firstRows?: string[] };
    return { ms: page.__firstRowsAt! - page.__clickedAt!, rows: page.__firstRows! };
  })) as FirstRows;
  const final = await cold.locator('.invoice-table tbody tr:not(.spacer)').evaluateAll((rows) => rows.slice(0, 20).map((row) => (row as HTMLElement).innerText));
  if (JSON.stringify(first.rows) !== JSON.stringify(final.slice(0, first.rows.length))) {
    throw new Error(`The Invoices screen's first rows were not the final list's first rows:\n${first.rows.slice(0, 3).join('\n')}\nfinal:\n${final.slice(0, 3).join('\n')}`);
  }
  const firstRowsMs = Math.round(first.ms);
  process.stderr.write(`  Invoices' first rows (the final ones) shown ${firstRowsMs} ms after the click (seen from outside after ${polledMs} ms)\n`);

  // A person starts typing a moment after the list is there, not in the same millisecond.
  await cold.waitForTimeout(1_000);
  const session = await cold.context().newCDPSession(cold);
  const profile = process.env.RESKONTRA_BENCH_PROFILE;
  if (profile) {
    await session.send('Profiler.enable');
    await session.send('Profiler.start');
  }
  // RESKONTRA_BENCH_TRACE=file.json keeps a trace of the keystrokes with the frames' style, layout, paint and GC (open it in DevTools' Performance panel).
  const trace = process.env.RESKONTRA_BENCH_TRACE;
  const traced = trace ? await tracing(session) : undefined;
  const times = (await cold.evaluate(keystrokeTimer([...keystrokeRounds, keystrokeRounds[0]!]))) as Keystroke[];
  // RESKONTRA_BENCH_PROFILE=file.cpuprofile keeps the keystrokes' CPU profile (open it in Chromium's DevTools).
  if (profile) await writeFile(profile, JSON.stringify((await session.send('Profiler.stop')).profile));
  if (trace && traced) await writeFile(trace, await traced());
  // Rounds one and two: every word new; rounds one and three: the figure as it was counted before.
  const perRound = keystrokeRounds[0]!.length;
  const firstTypings = times.slice(0, 2 * perRound);
  const withRepeat = [...times.slice(0, perRound), ...times.slice(2 * perRound)];
  const slowest = [...firstTypings].sort((a, b) => b.ms - a.ms).slice(0, 8);
  process.stderr.write(`  slowest keystrokes: ${slowest.map(({ text, ms }) => `${JSON.stringify(text)} ${ms.toFixed(0)} ms`).join(', ')}\n`);
  const heapMb = await heapMbOf(session);
  const backingMb = await backingStoreMbOf(session);
  await session.detach();
  return {
    page: cold,
    firstRowsMs,
    indexReadyMs,
    keystrokeP95Ms: percentileOf(firstTypings, 0.95),
    keystrokeMedianMs: percentileOf(firstTypings, 0.5),
    repeatedP95Ms: percentileOf(withRepeat, 0.95),
    heapMb: Number(heapMb.toFixed(1)),
    backingMb: Number(backingMb.toFixed(1)),
  };
}


/**
 * The list's CSV export of every row the screen holds, as a person makes it: Export invoices, Save
 * (the default preset), until the dialog says the file is saved in the data folder (browser mode:
 * main writes it; the page keeps a copy for its download).
 */
export async function invoiceListCsvMs(page: Page, timeout: number): Promise<number> {
  // RESKONTRA_BENCH_CSV_PROFILE=file.cpuprofile keeps the renderer's CPU profile of the export (open it in Chromium's DevTools).
  const profile = process.env.RESKONTRA_BENCH_CSV_PROFILE;
  const session = profile ? await page.context().newCDPSession(page) : undefined;
  if (session) {
    await session.send('Profiler.enable');
    await session.send('Profiler.start');
  }
  const started = Date.now();
  await page.getByRole('button', { name: 'Export invoices' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click({ timeout });
  await dialog.getByText(/^Saved in the data folder:/).waitFor({ timeout });
  const ms = Date.now() - started;
  if (session && profile) await writeFile(profile, JSON.stringify((await session.send('Profiler.stop')).profile));
  await dialog.getByRole('button', { name: 'Close' }).click();
  return ms;
}
