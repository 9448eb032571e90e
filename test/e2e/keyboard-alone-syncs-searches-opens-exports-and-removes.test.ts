import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../support/app-with-sandboxes';
import { launchChromium, type ChromiumProfile } from '../support/chromium';

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;
beforeAll(async () => {
  setup = await startAppWithSandboxes({ seed: 5, scale: 40 }, ['flowtly']);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(setup.app.url);
  await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});

/** What has focus: its accessible name as a person hears it (aria-label, else its text), and its tag. */
function focused(): Promise<{ name: string; tag: string; rowIndex: string | null }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      name: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
      tag: element?.tagName ?? '',
      rowIndex: element?.closest('tr')?.getAttribute('aria-rowindex') ?? null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until `name` has focus, as a keyboard user would; fails if it never does. */
async function tabTo(name: string | RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let press = 0; press < 80; press++) {
    await page.keyboard.press(key);
    const now = (await focused()).name;
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** The focused element shows a visible focus ring (an outline of some width). */
const focusVisible = () => page.evaluate(() => {
  const element = document.activeElement;
  return element ? Number.parseFloat(getComputedStyle(element).outlineWidth) > 0 && getComputedStyle(element).outlineStyle !== 'none' : false;
});

async function headingHasFocus(text: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(text);
  await expect.poll(async () => (await focused()).tag).toBe('H1');
  expect(await page.title()).toBe(`${text} – Reskontra`);
}

describe('a keyboard alone', () => {
  it('syncs every connection with Ctrl+Shift+S from any screen, never while typing, never twice at once', async () => {
    const label = setup.connections[0]!.label;
    // Every page request of the sync, by connection, stream and cursor: a second sync of the same
    // connection running at once would ask for a page that was already asked for.
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/rpc/sync.page')) asked.push(request.postData() ?? '');
    });
    const syncStatus = page.getByRole('status').filter({ hasText: 'Syncing every connection' });

    // From the Dashboard's heading (not a field), pressed twice in a row: one sync of the connection.
    await page.locator('h1').focus();
    await page.keyboard.press('Control+Shift+S');
    await page.keyboard.press('Control+Shift+S');
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    await expect.poll(() => syncStatus.count(), { timeout: 60_000 }).toBe(0);
    expect(new Set(asked).size).toBe(asked.length);
    await tabTo('Connections');
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: label }).getByText(/^Sync complete/).waitFor({ timeout: 60_000 });

    // Typing in the Invoices search field: the keys belong to the field, nothing syncs.
    const before = asked.length;
    await tabTo('Invoices', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await headingHasFocus('Invoices');
    await page.keyboard.press('/');
    expect(await focused()).toMatchObject({ tag: 'INPUT' });
    await page.keyboard.press('Control+Shift+S');
    await page.waitForTimeout(1_000);
    expect(asked.length).toBe(before);
    page.removeAllListeners('request');
    await page.goto(setup.app.url);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  }, 120_000);

  it('syncs, searches, opens an invoice, exports and removes a connection, with focus where it should be at each step', async () => {
    const label = setup.connections[0]!.label;

    // Sync from Connections.
    await tabTo('Connections');
    await page.keyboard.press('Enter');
    await headingHasFocus('Connections');
    await tabTo('Sync all');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('article', { name: label }).getByText(/^Sync complete/).waitFor({ timeout: 60_000 });
    expect((await focused()).name).toBe('Sync all');

    // Invoices: "/" goes to the search field, ↑ and ↓ move between rows.
    await tabTo('Invoices', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await headingHasFocus('Invoices');
    await page.keyboard.press('/');
    expect(await focused()).toMatchObject({ tag: 'INPUT' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('invoice-search');
    const firstNumber = (await page.locator('.invoice-table tbody tr:not(.spacer) a').first().textContent())!;
    await tabTo(firstNumber);
    expect((await focused()).rowIndex).toBe('2');
    await page.keyboard.press('ArrowDown');
    expect((await focused()).rowIndex).toBe('3');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toMatchObject({ name: firstNumber, rowIndex: '2' });

    // Search for that invoice and open it.
    await page.keyboard.press('/');
    await page.keyboard.type(firstNumber);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /invoices?$/ }).textContent()).toBe('One invoice');
    // The search shows as a chip that removes it.
    await expect.poll(() => page.getByRole('button', { name: `Remove the search “${firstNumber}”` }).count()).toBe(1);
    await tabTo(firstNumber);
    await page.keyboard.press('Enter');
    await headingHasFocus(`Invoice ${firstNumber}`);

    // Back to the list, export, Escape: focus returns to the Export button.
    await tabTo(/All invoices$/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await headingHasFocus('Invoices');
    await tabTo('Export invoices');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused()).name).toBe('Export invoices');

    // Remove: the dialog opens on Cancel; Escape returns to Remove; confirming puts focus on the heading.
    await tabTo('Connections', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await headingHasFocus('Connections');
    await tabTo(`Remove ${label}`);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).name).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused()).name).toBe(`Remove ${label}`);
    await page.keyboard.press('Enter');
    await tabTo('Remove', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('article', { name: label }).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(async () => (await focused()).tag).toBe('H1');
  }, 180_000);

  it('lists the shortcuts in Settings', async () => {
    await page.goto(`${setup.app.origin}/#/settings`);
    const shortcuts = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Key' }) });
    expect(await shortcuts.getByRole('rowheader').allTextContents()).toEqual(['/', '↑↓', 'Esc', 'Ctrl+Shift+S']);
  });

  it('hears why a form cannot be sent in the app\'s language, not the browser\'s', async () => {
    await page.evaluate(() => window.localStorage.setItem('reskontra.locale', 'sv'));
    await page.goto(`${setup.app.origin}/#/connections`);
    await page.reload();
    // The connection was removed above: with none left, Connections shows the welcome's way in.
    await page.getByRole('button', { name: 'Koppla en tjänst' }).click();
    const form = page.getByRole('form', { name: 'Lägg till en koppling' });
    const message = await form.evaluate((element: HTMLFormElement) => {
      element.requestSubmit();
      return element.querySelector<HTMLInputElement>('input:invalid')?.validationMessage;
    });
    expect(message).toBe('Fyll i det här fältet.');
    await page.evaluate(() => window.localStorage.setItem('reskontra.locale', 'en'));
  });
});
