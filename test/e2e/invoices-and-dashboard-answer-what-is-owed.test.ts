import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Invoice } from '../../src-shared/domain/records';
import { axeViolations } from '../support/axe';
import type { ChromiumProfile } from '../support/chromium';
import type { AppWithSandboxes } from '../support/app-with-sandboxes';
import { moneyText } from '../support/money-text';
import { openSyncedApp } from '../support/synced-app';

const options = { seed: 21, scale: 600 };

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;
/** Every invoice the cache holds, read straight from IndexedDB: the reference the screens are checked against. */
let invoices: Invoice[];

/** The same figure the screen should show, formatted by Intl directly (en-GB, currency code). */
const money = (minor: number, currency: string) => moneyText('en-GB', minor, currency);

function sumBy(rows: readonly Invoice[], pick: (row: Invoice) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.currency, (sums.get(row.currency) ?? 0) + pick(row));
  return sums;
}

beforeAll(async () => {
  ({ setup, browser, page } = await openSyncedApp(options, ['flowtly', 'aptic', 'vettig', 'confirma']));
  invoices = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return new Promise<Invoice[]>((resolve, reject) => {
      const request = db.transaction('invoices').objectStore('invoices').getAll();
      request.onsuccess = () => resolve(request.result as Invoice[]);
      request.onerror = () => reject(request.error);
    });
  });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});

async function openInvoices(query = ''): Promise<void> {
  await page.goto(`${setup.app.origin}/#/invoices${query}`);
  await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: /invoices?$|No invoices/ }).waitFor();
}

const countText = () => page.getByRole('status').filter({ hasText: /invoices?$|No invoices|One invoice/ }).textContent();

describe('the Invoices screen', () => {
  it('lists every cached invoice from every connection, with totals per currency', async () => {
    expect(invoices.length).toBe(2 * options.scale + invoices.filter((i) => i.status === 'draft').length);
    await openInvoices();
    await expect.poll(countText).toBe(`${invoices.length.toLocaleString('en-GB')} invoices`);
    const totals = page.getByRole('table', { name: 'Totals for the invoices shown' });
    for (const [currency, outstanding] of sumBy(invoices, (i) => i.outstanding)) {
      const row = totals.getByRole('row').filter({ has: page.getByRole('rowheader', { name: currency }) });
      expect(await row.getByRole('cell').nth(2).textContent()).toBe(money(outstanding, currency));
    }
    // Virtualised: hundreds of invoices, a few dozen rows in the DOM.
    expect(await page.locator('.invoice-table tbody tr:not(.spacer)').count()).toBeLessThan(100);
  });

  it('searches as you type by number and by customer, matching a plain reference', async () => {
    await openInvoices();
    const search = page.getByRole('searchbox', { name: 'Search' });
    for (const text of ['1044', 'oy', 'ä']) {
      await search.fill(text);
      const expected = invoices.filter((i) => `${i.number} ${i.customer.name ?? ''}`.toLowerCase().includes(text)).length;
      await expect.poll(countText).toBe(expected === 1 ? 'One invoice' : `${expected.toLocaleString('en-GB')} invoices`);
    }
  });

  it('filters by status and currency from the address, and keeps the filter after a reload', async () => {
    await openInvoices('?status=paid&currency=EUR');
    const expected = invoices.filter((i) => i.status === 'paid' && i.currency === 'EUR').length;
    await expect.poll(countText).toBe(`${expected.toLocaleString('en-GB')} invoices`);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('paid');
    await page.reload();
    await expect.poll(countText).toBe(`${expected.toLocaleString('en-GB')} invoices`);
  });

  it('sorts by amount when its header is pressed', async () => {
    await openInvoices();
    await page.getByRole('button', { name: 'Sort by Amount' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Sort by Amount' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Sort by Amount' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Sort by Amount' }).getAttribute('aria-sort')).toBe('descending');
    const largest = [...invoices].sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1))[0]!;
    const firstRow = page.locator('.invoice-table tbody tr:not(.spacer)').first();
    expect(await firstRow.getByRole('cell').nth(5).textContent()).toBe(money(largest.total, largest.currency));
  });

  it('opens one invoice with its history across providers', async () => {
    await openInvoices('?q=10425');
    await page.getByRole('link', { name: '10425', exact: true }).first().click();
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
    await page.goto(`${setup.app.origin}/#/settings`);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Nederlands' });
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen' }).click();
    await page.getByRole('heading', { name: 'Facturen', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /facturen$/ }).textContent()).toBe(`${invoices.length.toLocaleString('nl-NL')} facturen`);
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('combobox', { name: 'Taal' }).selectOption({ label: 'English' });
  });
});

describe('the Dashboard', () => {
  it('shows what is owed and overdue per currency, each linking to its list', async () => {
    await page.goto(`${setup.app.origin}/#/dashboard`);
    await page.getByRole('heading', { name: 'What you are owed' }).waitFor();
    for (const [currency, outstanding] of sumBy(invoices, (i) => i.outstanding)) {
      const link = page.getByRole('link', { name: money(outstanding, currency), exact: true }).first();
      await expect.poll(() => link.count()).toBe(1);
    }
    const eur = invoices.filter((i) => i.currency === 'EUR');
    await page.getByRole('link', { name: money(eur.reduce((s, i) => s + i.outstanding, 0), 'EUR'), exact: true }).first().click();
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    await expect.poll(countText).toBe(`${eur.length.toLocaleString('en-GB')} invoices`);
  });

  it('has no serious accessibility violation on the dashboard, connections and settings', async () => {
    for (const section of ['dashboard', 'connections', 'settings']) {
      await page.goto(`${setup.app.origin}/#/${section}`);
      await page.waitForTimeout(500);
      expect(await axeViolations(page), section).toEqual([]);
    }
  });
});
