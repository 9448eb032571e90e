import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { downloadsDuring } from '../support/downloads';
import type { Invoice, InvoiceStatus } from '../../src-shared/domain/records';
import { calendarToday } from '../../src-shared/dates/today';
import { axeViolations } from '../support/axe';
import type { ChromiumProfile } from '../support/chromium';
import { cacheCounts, readCache, type AppWithSandboxes } from '../support/app-with-sandboxes';
import { moneyText } from '../support/money-text';
import { servedFactoringCost } from '../support/served-factoring-cost';
import { servedInvoices, type ServedInvoice } from '../support/served-invoices';
import { openSyncedApp } from '../support/synced-app';

const options = { seed: 21, scale: 600 };

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;
/** Every invoice record the cache holds, read straight from IndexedDB (one per provider that holds it). */
let invoices: Invoice[];
/** Every distinct invoice the sandboxes serve, read from their own HTTP APIs, with what is owed on it. */
let served: ServedInvoice[];

/** The same figure the screen should show, formatted by Intl directly (en-GB, currency code). */
const money = (minor: number, currency: string) => moneyText('en-GB', minor, currency);

function sumBy<Row extends { currency: string }>(rows: readonly Row[], pick: (row: Row) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.currency, (sums.get(row.currency) ?? 0) + pick(row));
  return sums;
}

/** How many distinct invoices (number and currency) among these records. */
const distinct = (records: readonly Invoice[]) => new Set(records.map((i) => `${i.number.trim().toUpperCase()} ${i.currency}`)).size;
const countOf = (count: number) => (count === 1 ? 'One invoice' : `${count.toLocaleString('en-GB')} invoices`);

/** A provider's status word as README defines it on `today`: its "open" and "overdue" only mean "still owed". */
function meaning(invoice: Invoice, today: string): InvoiceStatus {
  if (invoice.status !== 'open' && invoice.status !== 'overdue') return invoice.status;
  if (invoice.outstanding <= 0) return 'paid';
  return invoice.dueDate !== null && invoice.dueDate < today ? 'overdue' : 'open';
}

beforeAll(async () => {
  ({ setup, browser, page } = await openSyncedApp(options, ['flowtly', 'aptic', 'vettig', 'confirma']));
  served = await servedInvoices(setup.sandboxes);
  invoices = (await readCache(page)).filter((row) => row.kind === 'invoice') as unknown as Invoice[];
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});

/**
 * Opens the list at exactly this address. A bare /invoices gets the last filter back (a feature),
 * so a test that means "no filter" forgets it first instead of depending on the test before it.
 */
async function openInvoices(query = ''): Promise<void> {
  await page.evaluate(() => window.localStorage.removeItem('reskontra.invoiceQuery'));
  await page.goto(`${setup.app.origin}/#/invoices${query}`);
  await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: /invoices?$|No invoices/ }).waitFor();
}

const countText = () => page.getByRole('status').filter({ hasText: /invoices?$|No invoices|One invoice/ }).textContent();

describe('the Invoices screen', () => {
  it('lists every invoice the sandboxes serve once, and totals what is owed on each once', async () => {
    // Flowtly and Aptic both hold every invoice: two records each, one invoice each.
    expect(invoices.length).toBeGreaterThan(served.length);
    expect(served.length).toBe(options.scale + invoices.filter((i) => i.status === 'draft').length);
    await openInvoices();
    await expect.poll(countText).toBe(countOf(served.length));
    const totals = page.getByRole('table', { name: 'Totals for the invoices shown' });
    for (const [currency, outstanding] of sumBy(served, (i) => i.outstanding)) {
      const row = totals.getByRole('row').filter({ has: page.getByRole('rowheader', { name: currency }) });
      expect(await row.getByRole('cell').nth(2).textContent()).toBe(money(outstanding, currency));
    }
    // Virtualised: hundreds of invoices, a few dozen rows in the DOM.
    expect(await page.locator('.invoice-table tbody tr:not(.spacer)').count()).toBeLessThan(100);
  });

  it('never shows one invoice on two rows, not even while the list is being read after a start', async () => {
    // Every set of rows the table ever renders, from the first paint of a fresh page on.
    const fresh = await page.context().newPage();
    await fresh.addInitScript(() => {
      const seen: string[][] = [];
      (window as unknown as { renderedNumbers: string[][] }).renderedNumbers = seen;
      new MutationObserver(() => {
        const numbers = [...document.querySelectorAll('.invoice-table tbody tr:not(.spacer) > :first-child')].map((cell) => cell.textContent ?? '');
        if (numbers.length > 0) seen.push(numbers);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await fresh.goto(setup.app.url);
    await fresh.getByRole('navigation').waitFor();
    await fresh.evaluate(() => window.localStorage.removeItem('reskontra.invoiceQuery'));
    await fresh.goto(`${setup.app.origin}/#/invoices`);
    await fresh.getByRole('status').filter({ hasText: /invoices$/ }).waitFor();
    const rendered = await fresh.evaluate(() => (window as unknown as { renderedNumbers: string[][] }).renderedNumbers);
    await fresh.close();
    expect(rendered.length).toBeGreaterThan(0);
    const twice = rendered.flatMap((rows) => rows.filter((row, at) => rows.indexOf(row) !== at));
    expect(twice).toEqual([]);
  });

  it('shows, after a start, the first rows and figures the last load kept, before reading the cache, and they are the final ones', async () => {
    await page.goto(setup.app.url);
    await page.getByRole('navigation').waitFor();
    await page.evaluate(() => window.localStorage.removeItem('reskontra.invoiceQuery'));
    // The load after a start keeps its first screen once idle (src-renderer/db/first-screen.ts);
    // a sync at start makes it stale until the load after that sync keeps another.
    const firstScreenKept = (on: Page) =>
      on.waitForFunction(async () => {
        // A sync round at start (App.vue says so in a hidden status) writes the cache until it ends.
        if (document.querySelector('progress') || document.querySelector('p.visually-hidden[role=status]')?.textContent) return false;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('reskontra-cache');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const get = (store: string) => new Promise<{ stamp?: string } | undefined>((resolve) => {
          const request = db.transaction(store).objectStore(store).get(1);
          request.onsuccess = () => resolve(request.result as { stamp?: string } | undefined);
        });
        const [stamp, screen] = [await get('cacheStamp'), await get('firstScreen')];
        db.close();
        return screen !== undefined && screen.stamp === (stamp?.stamp ?? '');
      }, undefined, { polling: 100 });
    // What a fresh page shows first on each screen, and whether it ever said it was still reading.
    const firstShown = async (path: string, selector: string, reading: string) => {
      const fresh = await page.context().newPage();
      await fresh.addInitScript(({ selector, reading }) => {
        const seen = { first: null as string[] | null, reading: false };
        (window as unknown as { seen: typeof seen }).seen = seen;
        new MutationObserver(() => {
          if (document.body?.innerText.includes(reading)) seen.reading = true;
          const shown = [...document.querySelectorAll<HTMLElement>(selector)].map((element) => element.innerText);
          if (seen.first === null && shown.length > 0) seen.first = shown;
        }).observe(document, { childList: true, subtree: true, characterData: true });
      }, { selector, reading });
      // The launch token is the tab's (session storage): given once, then a start of the screen itself.
      await fresh.goto(setup.app.url);
      await fresh.getByRole('navigation').waitFor();
      await fresh.goto(`${setup.app.origin}/#${path}`);
      await firstScreenKept(fresh);
      await fresh.reload();
      return fresh;
    };
    const invoicesPage = await firstShown('/invoices', '.invoice-table tbody tr:not(.spacer)', 'Reading the cached invoices');
    await invoicesPage.getByRole('status').filter({ hasText: /invoices$/ }).waitFor();
    const shownInvoices = await invoicesPage.evaluate(() => (window as unknown as { seen: { first: string[]; reading: boolean } }).seen);
    const finalRows = await invoicesPage.locator('.invoice-table tbody tr:not(.spacer)').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText));
    await invoicesPage.close();
    expect(shownInvoices.reading).toBe(false);
    expect(shownInvoices.first.length).toBeGreaterThan(10);
    expect(shownInvoices.first).toEqual(finalRows.slice(0, shownInvoices.first.length));

    const dashboard = await firstShown('/', '.figure-card', 'Reading the cache');
    await dashboard.locator('.figure-card').first().waitFor();
    // The figures the full load gives: a load of the whole cache, as a screen that lists it waits for.
    await dashboard.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await dashboard.getByRole('status').filter({ hasText: /invoices$/ }).waitFor();
    await dashboard.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    const finalFigures = await dashboard.locator('.figure-card').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).innerText));
    const shownDashboard = await dashboard.evaluate(() => (window as unknown as { seen: { first: string[]; reading: boolean } }).seen);
    await dashboard.close();
    expect(shownDashboard.reading).toBe(false);
    expect(shownDashboard.first).toEqual(finalFigures);
  });

  it('searches as you type by number and by customer, matching a plain reference', async () => {
    await openInvoices();
    const search = page.getByRole('searchbox', { name: 'Search' });
    for (const text of ['1044', 'oy', 'ä']) {
      await search.fill(text);
      const expected = distinct(invoices.filter((i) => `${i.number} ${i.customer.name ?? ''}`.toLowerCase().includes(text)));
      await expect.poll(countText).toBe(countOf(expected));
    }
  });

  it('says so when nothing matches, and shows a full view of rows again as soon as something does', async () => {
    await openInvoices();
    const rows = page.locator('.invoice-table tbody tr:not(.spacer)');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const before = await rows.count();
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('no invoice holds this');
    await page.getByText('No invoice matches these filters.').waitFor();
    expect(await page.getByRole('region', { name: /^Invoices/ }).count()).toBe(0);
    await search.fill('');
    await page.getByText('No invoice matches these filters.').waitFor({ state: 'detached' });
    // The table was hidden, not rebuilt: its view must not have shrunk to the hidden height of none.
    expect(await rows.count()).toBe(before);
    expect(await page.getByRole('region', { name: /^Invoices/ }).isVisible()).toBe(true);
  });

  it('filters one connection\'s own records by status and currency from the address, and keeps the filter after a reload', async () => {
    const aptic = setup.connections.find((connection) => connection.provider === 'aptic')!;
    await openInvoices(`?connection=${aptic.id}&status=paid&currency=EUR`);
    const today = calendarToday();
    const expected = invoices.filter((i) => i.connectionId === aptic.id && meaning(i, today) === 'paid' && i.currency === 'EUR').length;
    await expect.poll(countText).toBe(countOf(expected));
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('paid');
    await page.reload();
    await expect.poll(countText).toBe(countOf(expected));
  });

  it('keeps an address opened while a typed search was still waiting to be written', async () => {
    await openInvoices();
    await page.getByRole('searchbox', { name: 'Search' }).fill('ä');
    // Within the list's 250 ms address delay: the pending write must not put 'ä' back.
    await page.goto(`${setup.app.origin}/#/invoices?status=paid`);
    await page.waitForTimeout(600);
    expect(page.url()).toContain('status=paid');
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('paid');
    expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('');
  });

  it('keeps an old "overdue only" address working as the one Status "Overdue"', async () => {
    await openInvoices('?overdue=1');
    await expect.poll(() => page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('overdue');
    const viaStatus = await countText();
    await openInvoices('?status=overdue');
    await expect.poll(countText).toBe(viaStatus);
  });

  it('agrees with its own CSV to the cent: the invoice-list statement totals what the list totals', async () => {
    await openInvoices();
    await expect.poll(countText).toBe(countOf(served.length));
    await page.getByRole('button', { name: 'Export invoices' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: /^RFC 4180/ }).check();
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe(`${served.length} rows`);
    // The statement and its summary file (the totals, kept out of the table) download together.
    const downloads = await downloadsDuring(page, 2, () => dialog.getByRole('button', { name: 'Save' }).click());
    const read = async (download: Download) => Papa.parse<string[]>((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const csv = await read(downloads[0]!);
    const header = csv[0]!;
    const rows = csv.slice(1);
    expect(rows).toHaveLength(served.length);
    const [figure, ...summary] = await read(downloads[1]!);
    expect(figure).toEqual(['Figure', 'Currency', 'Amount']);
    const [outstandingAt, currencyAt] = [header.indexOf('Outstanding'), header.indexOf('Currency')];
    for (const [currency, outstanding] of sumBy(served, (i) => i.outstanding)) {
      const total = summary.find((row) => row[0] === 'Outstanding' && row[1] === currency)!;
      expect(Math.round(Number(total[2]) * 100), currency).toBe(outstanding);
      const listed = rows.filter((row) => row[currencyAt] === currency).reduce((sum, row) => sum + Math.round(Number(row[outstandingAt]) * 100), 0);
      expect(listed, currency).toBe(outstanding);
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('sorts by amount when its header is pressed', async () => {
    await openInvoices();
    await page.getByRole('button', { name: 'Sort by Amount' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Sort by Amount' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Sort by Amount' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Sort by Amount' }).getAttribute('aria-sort')).toBe('descending');
    const largest = [...invoices].sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1))[0]!;
    const firstRow = page.locator('.invoice-table tbody tr:not(.spacer)').first();
    // The number is the row's header; then customer, due, outstanding, status, amount.
    expect(await firstRow.getByRole('cell').nth(4).textContent()).toBe(money(largest.total, largest.currency));
  });

  it('opens one invoice with its history across providers', async () => {
    await openInvoices('?q=10425');
    const link = page.getByRole('link', { name: '10425', exact: true });
    // One invoice, one row: the list shows it once, whichever providers hold it.
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await page.getByRole('heading', { name: 'Invoice 10425', level: 1 }).waitFor();
    // The navigation still says where you are.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).getAttribute('aria-current')).toBe('page');
    const timeline = page.getByRole('table').last();
    // The seed's Vettig events for 10425: financing, two charges, recourse, recourse payment.
    await expect.poll(() => timeline.getByRole('row').filter({ hasText: 'Vettig' }).count()).toBe(5);
    expect(await timeline.getByRole('row').filter({ hasText: 'Fakturafinansiering (1.95%): 10425' }).getByRole('cell').allTextContents()).toEqual([
      '31 Jan 2025',
      'Charge: Fakturafinansiering (1.95%): 10425',
      expect.stringContaining('Vettig'),
      money(1560, 'SEK'),
      money(390, 'SEK'),
      money(1950, 'SEK'),
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no serious accessibility violation', async () => {
    await openInvoices();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('speaks Dutch after the language is switched', async () => {
    await page.evaluate(() => window.localStorage.removeItem('reskontra.invoiceQuery'));
    await page.goto(`${setup.app.origin}/#/settings`);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen' }).click();
    await page.getByRole('heading', { name: 'Facturen', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /facturen$/ }).textContent()).toBe(`${served.length.toLocaleString('nl-NL')} facturen`);
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('combobox', { name: 'Taal' }).selectOption({ label: 'English' });
  });
});

describe('the Dashboard', () => {
  it('shows what is owed per currency, each invoice counted once, linking to its list', async () => {
    await page.goto(`${setup.app.origin}/#/dashboard`);
    await page.getByRole('heading', { name: 'What you are owed' }).waitFor();
    for (const [currency, outstanding] of sumBy(served, (i) => i.outstanding)) {
      const link = page.getByRole('link', { name: money(outstanding, currency), exact: true }).first();
      await expect.poll(() => link.count()).toBe(1);
    }
    const eur = served.filter((i) => i.currency === 'EUR');
    await page.getByRole('link', { name: money(eur.reduce((s, i) => s + i.outstanding, 0), 'EUR'), exact: true }).first().click();
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    await expect.poll(countText).toBe(countOf(eur.length));
  });

  it('links its overdue figure to the Status filter "Overdue", which lists and totals the same', async () => {
    await page.goto(`${setup.app.origin}/#/dashboard`);
    const card = page.locator('.figure-card').filter({ hasText: 'Outstanding (SEK)' });
    await card.locator('a.overdue').waitFor();
    const overdue = await card.locator('a.overdue').textContent();
    await card.locator('a.overdue').click();
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('overdue');
    const totals = page.getByRole('table', { name: 'Totals for the invoices shown' });
    const row = totals.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'SEK' }) });
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe(overdue);
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe(overdue);
  });

  it("counts factoring cost once per invoice: Vettig's charges plus Aptic's purchase and recourse fees, as the sandboxes serve them", async () => {
    const expected = await servedFactoringCost(setup.sandboxes);
    await page.goto(`${setup.app.origin}/#/dashboard`);
    const table = page.getByRole('table', { name: 'What factoring cost, per month (SEK)' });
    await table.waitFor();
    const shown = new Map<string, string>();
    for (const row of await table.locator('tbody').getByRole('row').all()) {
      shown.set(`${await row.getByRole('rowheader').textContent()} SEK`, (await row.getByRole('cell').nth(2).textContent()) ?? '');
    }
    expect(shown.size).toBeGreaterThan(3);
    expect(shown).toEqual(new Map([...expected].map(([key, minor]) => [key, money(minor, 'SEK')])));
  });

  it('has no serious accessibility violation on the dashboard, connections and settings', async () => {
    for (const section of ['dashboard', 'connections', 'settings']) {
      await page.goto(`${setup.app.origin}/#/${section}`);
      await page.waitForTimeout(500);
      expect(await axeViolations(page), section).toEqual([]);
    }
  });
});

describe('data a removal left behind when the window closed halfway', () => {
  it('is gone after the next start, and the other connections and the totals stay as they were', async () => {
    const orphan = 'removed-before-the-window-closed';
    // Copies of cached invoices (a chunk of them) and a sync state under a connection main does not know.
    await page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reskontra-cache');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['invoiceChunks', 'invoiceDirectory', 'syncState'], 'readwrite');
      const chunks = tx.objectStore('invoiceChunks');
      const [first] = await new Promise<Array<{ text?: string; invoices?: Array<Record<string, unknown>> }>>((resolve) => {
        const request = chunks.getAll(null, 1);
        request.onsuccess = () => resolve(request.result as Array<{ text?: string; invoices?: Array<Record<string, unknown>> }>);
      });
      // A chunk holds its invoices as one JSON text (or, written before that, as an array).
      const stored = (first!.text === undefined ? first!.invoices! : JSON.parse(first!.text)) as Array<Record<string, unknown>>;
      const rows = stored.slice(0, 100).map((row) => ({ ...row, id: `${id}/${String(row.id)}`, number: String(row.number), connectionId: id }));
      chunks.add({ connectionId: id, stream: 'invoices', generation: 1, invoices: rows }).onsuccess = (event) => {
        const seq = (event.target as IDBRequest<number>).result;
        tx.objectStore('invoiceDirectory').put({ seq, connectionId: id, ids: rows.map((row) => row.id), numbers: rows.map((row) => row.number) });
      };
      tx.objectStore('syncState').put({ connectionId: id, stream: 'invoices', cursor: '500', generation: 1, sweep: false, lastSuccessAt: null, lastAttemptAt: null, lastError: null });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, orphan);
    const countOfOrphans = () =>
      page.evaluate(async (id) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('reskontra-cache');
          request.onsuccess = () => resolve(request.result);
        });
        const tx = db.transaction(['invoiceDirectory', 'syncState']);
        const invoices = new Promise<number>((resolve) => {
          const request = tx.objectStore('invoiceDirectory').getAll();
          request.onsuccess = () => resolve((request.result as Array<{ connectionId: string; ids: string[] }>).filter((row) => row.connectionId === id).reduce((sum, row) => sum + row.ids.length, 0));
        });
        const states = new Promise<number>((resolve) => {
          const request = tx.objectStore('syncState').index('connectionId').count(IDBKeyRange.only(id));
          request.onsuccess = () => resolve(request.result);
        });
        const counts = await Promise.all([invoices, states]);
        db.close();
        return counts[0] + counts[1];
      }, orphan);
    expect(await countOfOrphans()).toBe(101);
    const before = invoices.length;

    await page.reload();
    await page.goto(`${setup.app.origin}/#/dashboard`);
    await expect.poll(countOfOrphans, { timeout: 20_000 }).toBe(0);
    expect((await cacheCounts(page)).invoices).toBe(before);
    for (const [currency, outstanding] of sumBy(served, (i) => i.outstanding)) {
      await expect.poll(() => page.getByRole('link', { name: money(outstanding, currency), exact: true }).count()).toBeGreaterThan(0);
    }
  });
});
