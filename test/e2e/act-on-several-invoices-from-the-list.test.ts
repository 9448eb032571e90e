import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import type { InvoiceNow } from '../../src-shared/rpc/actions-methods';
import { axeViolations } from '../support/axe';
import { rpcCall, type AppWithSandboxes } from '../support/app-with-sandboxes';
import { scrollsSideways, useLanguage } from '../support/screens';
import type { ChromiumProfile } from '../support/chromium';
import { openSyncedApp } from '../support/synced-app';

const screenshots = process.env.SCREENSHOTS;
let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;
let restarted: RunningSandbox | null = null;
const options = { seed: 44, scale: 60 };

beforeAll(async () => {
  ({ setup, browser, page } = await openSyncedApp(options, ['aptic', 'flowtly']));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await restarted?.close();
  await setup?.stop();
});

const bulk = () => page.getByRole('group', { name: 'Act on the selected invoices' });
const bulkStatus = () => bulk().getByRole('status');
const rowNumbers = () => page.locator('.invoice-table tbody tr:not(.spacer) th a').allTextContents();
const checkbox = (number: string) => page.getByRole('checkbox', { name: `Select invoice ${number}`, exact: true });

async function openInvoices(query = ''): Promise<string[]> {
  await page.goto(`${setup.app.origin}/#/invoices${query}`);
  await page.locator('.invoice-table tbody tr:not(.spacer)').first().waitFor();
  return rowNumbers();
}

/** The outbox rows as IndexedDB holds them, straight from the page. */
function outboxRows(): Promise<Array<{ label: string; targetRef: string; kind: string; state: string; already: boolean }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows as Array<{ label: string; targetRef: string; kind: string; state: string; already: boolean }>;
  });
}

describe('acting on several invoices from the list', () => {
  it('selects by checkbox, Space and select-all; a filter that hides selected rows unselects them and says so', async () => {
    const numbers = await openInvoices();
    const [first, second, third] = numbers as [string, string, string];
    await checkbox(first).check();
    // Space on a row's link selects the row; ↑ and ↓ on a checkbox move to the next row's checkbox.
    await page.getByRole('link', { name: second, exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await checkbox(second).isChecked()).toBe(true);
    expect(page.url()).toContain('#/invoices');
    await checkbox(second).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Select invoice ${third}`);
    await page.keyboard.press('Space');
    await expect.poll(() => bulkStatus().textContent()).toBe('3 invoices selected.');

    // A search that shows only the first: the other two are no longer selected, and the list says so.
    await page.getByRole('searchbox').fill(first);
    await expect.poll(() => bulkStatus().textContent(), { timeout: 10_000 }).toBe('One invoice selected. 2 selected invoices are no longer shown and were unselected.');
    await page.getByRole('searchbox').fill('');
    await expect.poll(() => rowNumbers().then((shown) => shown.length)).toBeGreaterThan(3);
    expect(await checkbox(second).isChecked()).toBe(false);
    expect(await checkbox(first).isChecked()).toBe(true);

    const all = page.getByRole('checkbox', { name: /^Select all \d+ shown invoices$/ });
    const shown = Number((await all.getAttribute('aria-label'))!.match(/\d+/)![0]);
    await all.check();
    await expect.poll(() => bulkStatus().textContent()).toBe(`${shown} invoices selected.`);
    await all.uncheck();
    await expect.poll(() => bulkStatus().textContent()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads in Finnish, Swedish and Dutch, dark, at 1024 px: the ticked rows, the bar and the confirm step pass axe and stay in the page', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 700 });
    for (const locale of ['fi', 'sv', 'nl']) {
      await openInvoices();
      await useLanguage(page, locale);
      const boxes = page.locator('.invoice-table tbody input[type="checkbox"]');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      expect(await scrollsSideways(page), locale).toBe(false);
      expect(await axeViolations(page), locale).toEqual([]);
      await page.locator('.bulk-actions form button[type="submit"]').first().click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page), `${locale} confirm step`).toEqual([]);
      if (screenshots) {
        await mkdir(screenshots, { recursive: true });
        await page.screenshot({ path: `${screenshots}/invoices-bulk-confirm-${locale}-dark-1024.png` });
      }
      await page.keyboard.press('Escape');
      await page.locator('.invoice-table thead input[type="checkbox"]').uncheck();
    }
    await useLanguage(page, 'en');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 820 });
  });

  it('disputes several invoices at once: the confirm step says what Aptic will do to how many and names those it leaves out; each is sent once and confirmed', async () => {
    const numbers = (await openInvoices()).slice(0, 8);
    for (const number of numbers) await checkbox(number).check();
    await bulk().getByRole('textbox', { name: 'Dispute reason (optional)' }).fill('Goods never arrived');
    if (screenshots) {
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({ path: `${screenshots}/invoices-selected-en.png` });
    }
    await bulk().getByRole('button', { name: 'Dispute selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Act on the selected invoices?' });
    const text = (await dialog.textContent()) ?? '';
    const planned = Number(text.match(/Aptic will mark (\d+|one) invoices? as disputed/)?.[1]?.replace('one', '1') ?? 0);
    const left = dialog.getByRole('list').nth(1).getByRole('listitem');
    const leftOut = await left.allTextContents();
    expect(text).toContain('8 invoices are selected');
    expect(planned).toBeGreaterThan(0);
    expect(leftOut.length).toBeGreaterThan(0);
    expect(planned + leftOut.length).toBe(8);
    // Each left-out invoice is named with why.
    for (const line of leftOut) expect(line).toMatch(/^\S+: (Flowtly does not take this action from Reskontra|not open \(nothing is owed on it\)|already disputed)$/);
    const excludedNumbers = leftOut.map((line) => line.split(':')[0]!);
    expect(excludedNumbers.every((number) => numbers.includes(number))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    if (screenshots) await page.screenshot({ path: `${screenshots}/invoices-bulk-confirm-en.png` });

    await dialog.getByRole('button', { name: planned === 1 ? 'Send one action' : `Send ${planned} actions` }).click();
    await expect.poll(() => bulkStatus().textContent()).toContain(`${planned} actions stored`);
    await expect.poll(async () => (await outboxRows()).filter((row) => row.state === 'confirmed').length, { timeout: 30_000 }).toBe(planned);
    const rows = await outboxRows();
    expect(rows.map((row) => row.label).sort()).toEqual(numbers.filter((number) => !excludedNumbers.includes(number)).sort());
    const aptic = setup.connections.find((connection) => connection.provider === 'aptic')!.id;
    for (const row of rows) expect((await rpcCall<InvoiceNow>(setup.app, 'actions.readInvoice', { connectionId: aptic, invoiceRef: row.targetRef })).disputed).toBe(true);
  });

  it('postpones the selected invoices of Aptic’s own list to one new date; a cancelled confirm step keeps the selection', async () => {
    const aptic = setup.connections.find((connection) => connection.provider === 'aptic')!.id;
    const numbers = (await openInvoices(`?connection=${encodeURIComponent(aptic)}&status=overdue`)).slice(0, 3);
    for (const number of numbers) await checkbox(number).check();
    await bulk().getByLabel('New due date for the selected').fill('2099-12-31');
    await bulk().getByRole('button', { name: 'Postpone selected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Act on the selected invoices?' });
    expect(await dialog.textContent()).toMatch(/Aptic will move the due date of 3 invoices to [^.]*2099\./);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await bulkStatus().textContent()).toBe('3 invoices selected.');

    await bulk().getByRole('button', { name: 'Postpone selected' }).click();
    await dialog.getByRole('button', { name: 'Send 3 actions' }).click();
    await expect.poll(async () => (await outboxRows()).filter((row) => row.kind === 'postpone' && row.state === 'confirmed').length, { timeout: 30_000 }).toBe(3);
    for (const row of (await outboxRows()).filter((action) => action.kind === 'postpone')) {
      expect(numbers).toContain(row.label);
      expect((await rpcCall<InvoiceNow>(setup.app, 'actions.readInvoice', { connectionId: aptic, invoiceRef: row.targetRef })).dueDate).toBe('2099-12-31');
    }
  });

  it('in Swedish the new due date is the app’s own date field: written as Swedish writes dates, checked in Swedish, sent on Enter', async () => {
    const aptic = setup.connections.find((connection) => connection.provider === 'aptic')!.id;
    await openInvoices(`?connection=${encodeURIComponent(aptic)}&status=overdue`);
    await useLanguage(page, 'sv');
    await page.locator('.invoice-table tbody input[type="checkbox"]').nth(0).check();
    const group = page.getByRole('group', { name: 'Agera på de valda fakturorna' });
    const field = group.getByRole('textbox', { name: 'Ny förfallodag för de valda' });
    // Not the browser's date input, which writes mm/dd/yyyy whatever the app's language.
    expect(await page.locator('input[type="date"], input[type="month"]').count()).toBe(0);
    expect(await field.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');
    const validation = () => field.evaluate((input: HTMLInputElement) => input.validationMessage);

    await group.getByRole('button', { name: 'Skjut upp valda' }).click();
    expect(await validation()).toBe('Fyll i det här fältet.');
    await field.fill('2099-13-01');
    await field.press('Enter');
    expect(await group.getByText('Skriv datumet som ÅÅÅÅ-MM-DD.').isVisible()).toBe(true);
    if (screenshots) {
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({ path: `${screenshots}/invoices-bulk-postpone-sv.png` });
    }
    expect(await validation()).toBe('Skriv datumet som ÅÅÅÅ-MM-DD.');
    expect(await page.getByRole('dialog').count()).toBe(0);

    await field.fill('2099-12-31');
    await field.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('2099');
    await page.keyboard.press('Escape');
    await useLanguage(page, 'en');
  });

  it('queued while Aptic is stopped, the actions wait; once Aptic is back each is sent once and confirmed', async () => {
    const aptic = setup.connections.find((connection) => connection.provider === 'aptic')!.id;
    const sandbox = setup.sandboxes.find((running) => running.provider === 'aptic')!;
    const port = Number(new URL(sandbox.baseUrl).port);
    const actedOn = new Set((await outboxRows()).map((row) => row.label));
    const numbers = (await openInvoices(`?connection=${encodeURIComponent(aptic)}&status=overdue`)).filter((number) => !actedOn.has(number)).slice(0, 2);
    await sandbox.close();
    for (const number of numbers) await checkbox(number).check();
    await bulk().getByRole('button', { name: 'Dispute selected' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send 2 actions' }).click();
    const queued = async () => (await outboxRows()).filter((row) => row.kind === 'dispute' && numbers.includes(row.label));
    await expect.poll(async () => (await queued()).map((row) => row.state)).toEqual(['waiting', 'waiting']);

    restarted = await startSandbox('aptic', { ...options, port });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => (await queued()).map((row) => row.state), { timeout: 30_000 }).toEqual(['confirmed', 'confirmed']);
    for (const row of await queued()) {
      // Sent, not found already so: the restarted sandbox's invoice changed, once.
      expect(row.already).toBe(false);
      expect((await rpcCall<InvoiceNow>(setup.app, 'actions.readInvoice', { connectionId: aptic, invoiceRef: row.targetRef })).disputed).toBe(true);
    }
  });
});
