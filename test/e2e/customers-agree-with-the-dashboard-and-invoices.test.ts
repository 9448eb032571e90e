import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDataset } from '../../sandbox/data';
import { axeViolations } from '../support/axe';
import type { AppWithSandboxes } from '../support/app-with-sandboxes';
import type { ChromiumProfile } from '../support/chromium';
import { moneyText } from '../support/money-text';
import { servedInvoices, type ServedInvoice } from '../support/served-invoices';
import { openSyncedApp } from '../support/synced-app';

const options = { seed: 27, scale: 500 };
/** Set SCREENSHOTS=<folder> to keep pictures of the two screens at two window sizes. */
const screenshots = process.env.SCREENSHOTS;

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;
/** Every distinct invoice the sandboxes serve, read from their own HTTP APIs, with what is owed on it. */
let served: ServedInvoice[];

const money = (minor: number, currency: string) => moneyText('en-GB', minor, currency);

/** An en-GB amount as the screens show it ("SEK 1,234.50", "-EUR 5.00") back to minor units, by text. */
function minorOf(text: string): number {
  const digits = text.replace(/[^\d.]/g, '');
  const [whole, fraction = ''] = digits.split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return text.trim().startsWith('-') ? -minor : minor;
}

function sumPerCurrency(pairs: Iterable<[string, number]>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const [currency, minor] of pairs) sums.set(currency, (sums.get(currency) ?? 0) + minor);
  return new Map([...sums].sort());
}

beforeAll(async () => {
  ({ setup, browser, page } = await openSyncedApp(options, ['flowtly', 'aptic', 'vettig', 'confirma']));
  served = await servedInvoices(setup.sandboxes);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});

const customerCount = () => page.getByRole('status').filter({ hasText: /customers?$/ }).textContent();

async function openCustomers(query = ''): Promise<number> {
  await page.goto(`${setup.app.origin}/#/customers${query}`);
  await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
  await expect.poll(customerCount).toMatch(/^[\d,]+ customers$/);
  return Number((await customerCount())!.replace(/\D/g, ''));
}

/** Each row of the customer table on screen: name, then per currency its outstanding and overdue. */
async function customerRowsOnScreen(): Promise<{ name: string; lines: { currency: string; outstanding: number; overdue: number }[] }[]> {
  return page.locator('.customer-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.children].map((cell) => [...cell.querySelectorAll('.stacked')].map((span) => span.textContent ?? ''));
      return { name: row.querySelector('th')?.textContent?.trim() ?? '', lines: cells[1]!.map((currency, n) => ({ currency, outstanding: cells[3]![n]!, overdue: cells[4]![n]! })) };
    }),
  ).then((rows) => rows.map((row) => ({ ...row, lines: row.lines.map((line) => ({ currency: line.currency, outstanding: minorOf(line.outstanding), overdue: minorOf(line.overdue) })) })));
}

/** The cells of a per-currency totals table, by currency. */
async function totalsTable(caption: string): Promise<Map<string, string[]>> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')));
  return new Map(rows.map(([currency, ...cells]) => [currency!, cells]));
}

describe('the Customers screen', () => {
  it('adds up, over every customer and per currency, to "What you are owed" and to what the sandboxes serve, to the cent', async () => {
    const count = await openCustomers();
    const pages = Math.ceil(count / 50);
    const everyone: Awaited<ReturnType<typeof customerRowsOnScreen>> = [];
    for (let n = 1; n <= pages; n += 1) {
      if (n > 1) await page.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => page.getByRole('table', { name: /^Customers \d/ }).locator('caption').textContent()).toMatch(new RegExp(`^Customers ${(n - 1) * 50 + 1}–`));
      everyone.push(...(await customerRowsOnScreen()));
    }
    expect(everyone).toHaveLength(count);
    expect(new Set(everyone.map((row) => row.name)).size).toBe(count);
    const onScreen = sumPerCurrency(everyone.flatMap((row) => row.lines.map((line): [string, number] => [line.currency, line.outstanding])));
    const fromSandboxes = sumPerCurrency(served.map((invoice): [string, number] => [invoice.currency, invoice.outstanding]));
    expect(onScreen).toEqual(fromSandboxes);
    // The screen's own totals say the same.
    const totals = await totalsTable('Totals for the customers shown');
    for (const [currency, outstanding] of fromSandboxes) expect(totals.get(currency)?.[2], currency).toBe(money(outstanding, currency));
    const overdue = sumPerCurrency(everyone.flatMap((row) => row.lines.map((line): [string, number] => [line.currency, line.overdue])));

    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'What you are owed' }).waitFor();
    for (const [currency, outstanding] of fromSandboxes) {
      const card = page.locator('.figure-card').filter({ hasText: `Outstanding (${currency})` });
      await expect.poll(() => card.locator('a.figure').first().textContent()).toBe(money(outstanding, currency));
      expect(await card.locator('a.overdue').textContent()).toBe(money(overdue.get(currency) ?? 0, currency));
    }
  });

  it('searches by name, sorts from the keyboard and keeps both in the address', async () => {
    await openCustomers('?sort=name&dir=asc');
    const names = (await customerRowsOnScreen()).map((row) => row.name);
    const word = names[3]!.split(' ')[0]!;
    await page.getByRole('searchbox', { name: 'Search' }).fill(word);
    await expect.poll(async () => (await customerRowsOnScreen()).every((row) => row.name.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    await page.getByRole('button', { name: 'Overdue' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.customer-table').getByRole('columnheader', { name: 'Overdue' }).getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => page.url()).toContain('sort=overdue');
    expect(page.url()).toContain(`q=${encodeURIComponent(word)}`);
    await page.reload();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe(word);
    expect(await page.locator('.customer-table').getByRole('columnheader', { name: 'Overdue' }).getAttribute('aria-sort')).toBe('descending');
  });

  it('has no serious accessibility violation', async () => {
    await openCustomers();
    if (screenshots) await shoot('customers');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a customer\'s page', () => {
  it('totals what the Invoices list filtered to the customer lists and totals; "Show invoices" opens it, and the filter can be removed', async () => {
    // The customer owing the most in the first currency: several invoices, likely a case too.
    await openCustomers();
    const first = page.locator('.customer-table tbody tr').first().locator('th a');
    const name = (await first.textContent())!.trim();
    await first.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const own = await totalsTable('What this customer owes, per currency');
    expect(own.size).toBeGreaterThan(0);
    const invoiceRows = await page.getByRole('region', { name: 'Invoices' }).locator('tbody tr').count();
    expect(invoiceRows).toBe(Math.min(25, [...own.values()].reduce((sum, cells) => sum + Number(cells[0]!.replace(/\D/g, '')), 0)));
    // The payments shown add up to their totals, per currency.
    const payments = page.getByRole('region', { name: 'Payments' });
    if (await payments.count()) {
      const amounts = await payments.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ''));
      const byCurrency = sumPerCurrency(amounts.map((text): [string, number] => [text.match(/[A-Z]{3}/)![0], minorOf(text)]));
      for (const [currency, minor] of byCurrency) {
        expect(await payments.locator('tfoot tr').filter({ hasText: `(${currency})` }).locator('td').textContent()).toBe(money(minor, currency));
      }
    }
    if (screenshots) await shoot('customer');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Show invoices' }).click();
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    await page.getByText(`Customer: ${name}`).waitFor();
    const count = [...own.values()].reduce((sum, cells) => sum + Number(cells[0]!.replace(/\D/g, '')), 0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /invoices?$|One invoice/ }).textContent()).toBe(count === 1 ? 'One invoice' : `${count} invoices`);
    const listed = await totalsTable('Totals for the invoices shown');
    expect(listed).toEqual(own);
    await page.getByRole('button', { name: `Remove the customer filter (${name})` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /invoices$/ }).textContent()).toBe(`${served.length.toLocaleString('en-GB')} invoices`);
    await expect.poll(() => page.url()).not.toContain('customer=');
  });
});

describe('collection cases', () => {
  /** Who each case's invoice is to, straight from the sandbox's dataset (not from the app). */
  const dataset = createDataset(options.seed, options.scale);
  const debtorOfCase = new Map(Array.from(dataset.index().collection, (index) => {
    const invoice = dataset.invoiceAt(index);
    return [String(invoice.collection!.caseId), invoice.customer.name] as const;
  }));

  it('name the debtor on every row and in the case\'s header', async () => {
    await page.goto(`${setup.app.origin}/#/cases`);
    const rows = page.locator('.case-table tbody tr');
    await rows.first().waitFor();
    await expect.poll(() => rows.first().locator('td').first().textContent()).not.toBe('—');
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th a')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '']));
    expect(shown.length).toBeGreaterThan(0);
    for (const [caseNumber, debtor] of shown) expect(debtor, caseNumber).toBe(debtorOfCase.get(caseNumber!));
    const [caseNumber, debtor] = shown[0]!;
    await page.getByRole('link', { name: caseNumber, exact: true }).click();
    await expect.poll(() => page.locator('.page-header .intro').textContent()).toBe(`Owed by ${debtor} · Confirma Finance · for Reskontra Demo AB`);
  });

  it('link an invoice no provider holds a record of to its case, never to a missing invoice page', async () => {
    const [caseNumber] = [...debtorOfCase.keys()];
    const invoiceNumber = dataset.invoiceAt(Number(caseNumber) - 500_000).number;
    // The invoice records go from the cache: only the Confirma case still knows the invoice.
    await page.evaluate(async (number) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reskontra-cache');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      // Invoices are stored in chunks with a directory row and a columns row each (src-renderer/db/invoice-chunks.ts):
      // chunk and directory are rewritten without the number, and the columns go (the app makes them again from the chunk).
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['invoiceChunks', 'invoiceDirectory', 'invoiceColumns'], 'readwrite');
        const request = transaction.objectStore('invoiceChunks').openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return;
          // A chunk holds its invoices as one JSON text (or, written before that, as an array).
          const chunk = cursor.value as { seq: number; connectionId: string; text?: string; invoices?: Array<{ id: string; number: string }> };
          const all = (chunk.text === undefined ? chunk.invoices! : JSON.parse(chunk.text)) as Array<{ id: string; number: string }>;
          const invoices = all.filter((invoice) => invoice.number !== number);
          if (invoices.length < all.length) {
            cursor.update(chunk.text === undefined ? { ...chunk, invoices } : { ...chunk, text: JSON.stringify(invoices) });
            transaction.objectStore('invoiceDirectory').put({ seq: chunk.seq, connectionId: chunk.connectionId, ids: invoices.map((i) => i.id), numbers: invoices.map((i) => i.number) });
            transaction.objectStore('invoiceColumns').delete(chunk.seq);
          }
          cursor.continue();
        };
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    }, invoiceNumber);
    await page.evaluate(() => window.localStorage.removeItem('reskontra.invoiceQuery'));
    await page.goto(`${setup.app.origin}/#/invoices?q=${invoiceNumber}`);
    await page.reload();
    const link = page.getByRole('link', { name: invoiceNumber, exact: true });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Case ${caseNumber}`);
  });
});

/** The page at two window sizes (the app's smallest supported and a common laptop). */
async function shoot(name: string): Promise<void> {
  await mkdir(screenshots!, { recursive: true });
  for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${screenshots!}/${name}-${width}x${height}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${screenshots!}/${name}-full.png`, fullPage: true });
}
