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
  const times = (await cold.evaluate(keystrokeTimer)) as number[];
  times.sort((a, b) => a - b);
  const session = await cold.context().newCDPSession(cold);
  const heapMb = await heapMbOf(session);
  await session.detach();
  return {
    firstRowsMs,
    indexReadyMs,
    keystrokeP95Ms: Number(times[Math.floor(times.length * 0.95)]!.toFixed(1)),
    keystrokeMedianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(1)),
    heapMb: Number(heapMb.toFixed(1)),
  };
}

