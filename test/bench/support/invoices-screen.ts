import { writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

/** The renderer's JS heap after a full collection, in MB. */
export async function heapMbOf(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

/**
 * Types into the Invoices search box inside the page and times each keystroke from the input
 * event to the frame after the list changed (a keystroke that changes nothing on screen counts
 * until its update ran). Plain JavaScript text: tsx would wrap named functions in a helper the
 * page does not have.
 */
const keystrokeTimer = `(async () => {
  const input = document.querySelector('#invoice-search');
  const watched = document.querySelector('.list-summary').parentElement;
  const queries = ['1', '10', '104', '1042', '10425', '1042', '104', '10', '1', '', 'a', 'ab', 'a', '', 'ö', 'öb', 'öbe', 'öb', 'ö', '', 'v', 'va', 'van', 'va', 'v', ''];
  const measured = [];
  for (let round = 0; round < 2; round++) {
    for (const text of queries) {
      const start = performance.now();
      measured.push(await new Promise((resolve) => {
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
      }));
    }
  }
  return measured;
})()`;

/**
 * With the 100k invoices cached: a fresh page opens Invoices (its first rows come with the joined
 * ledger: rows read before the join would show one invoice twice),
 * then search-as-you-type keystrokes are timed inside the page from the input event to the
 * frame after the list changed.
 */
export async function measureInvoicesScreen(previous: Page, previousCdp: CDPSession, timeout = 120_000) {
  await previousCdp.detach();
  const url = previous.url().replace(/#.*$/, '');
  const token = await previous.evaluate(() => sessionStorage.getItem('reskontra.launchToken'));
  await previous.close();
  // A fresh page, as after a restart: nothing of the cache is in memory yet.
  const cold = await previous.context().newPage();
  await cold.goto(`${url}#token=${token}`);
  await cold.getByRole('navigation').waitFor();
  const started = Date.now();
  await cold.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
  await cold.locator('.invoice-table tbody tr:not(.spacer)').first().waitFor({ timeout });
  const firstRowsMs = Date.now() - started;
  await cold.getByRole('status').filter({ hasText: /invoices$/ }).waitFor({ timeout });
  const indexReadyMs = Date.now() - started;

  // A person starts typing a moment after the list is there, not in the same millisecond.
  await cold.waitForTimeout(1_000);
  const session = await cold.context().newCDPSession(cold);
  const profile = process.env.RESKONTRA_BENCH_PROFILE;
  if (profile) {
    await session.send('Profiler.enable');
    await session.send('Profiler.start');
  }
  const times = (await cold.evaluate(keystrokeTimer)) as number[];
  // RESKONTRA_BENCH_PROFILE=file.cpuprofile keeps the keystrokes' CPU profile (open it in Chromium's DevTools).
  if (profile) await writeFile(profile, JSON.stringify((await session.send('Profiler.stop')).profile));
  times.sort((a, b) => a - b);
  const heapMb = await heapMbOf(session);
  await session.detach();
  return {
    page: cold,
    firstRowsMs,
    indexReadyMs,
    keystrokeP95Ms: Number(times[Math.floor(times.length * 0.95)]!.toFixed(1)),
    keystrokeMedianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(1)),
    heapMb: Number(heapMb.toFixed(1)),
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
