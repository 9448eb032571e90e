import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDataset, decimalToMinor, vettigEventsV2 } from '../../sandbox/data';
import { axeViolations } from '../support/axe';
import { moneyText } from '../support/money-text';
import { openSyncedApp } from '../support/synced-app';
import type { ChromiumProfile } from '../support/chromium';
import type { AppWithSandboxes } from '../support/app-with-sandboxes';

const options = { seed: 23, scale: 400 };
/** Set SCREENSHOTS=<folder> to keep a picture of the screen in each language. */
const screenshots = process.env.SCREENSHOTS;

/** What Vettig holds, in minor units, straight from the sandbox's dataset (not from the app). */
const expected = vettigEventsV2(createDataset(options.seed, options.scale)).map((event) => ({
  type: event.type,
  date: event.date,
  amount: decimalToMinor(event.amount)!,
  net: event.type === 'Charge' ? decimalToMinor(event.amountExclVat)! : null,
  vat: event.type === 'Charge' ? decimalToMinor(event.vat)! : null,
}));
const sign: Record<string, number> = { InvoiceFactoring: 1, Charge: -1, ClientPayout: -1, InvoiceRecourse: -1, InvoiceRecoursePayment: 1 };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The month with the most events, so the filter has something to show. */
const month = (() => {
  const counts = new Map<string, number>();
  for (const event of expected) counts.set(event.date.slice(0, 7), (counts.get(event.date.slice(0, 7)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
})();
const inMonth = expected.filter((event) => event.date.startsWith(month));

const sek = (locale: string, minor: number) => moneyText(locale, minor, 'SEK');

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;

beforeAll(async () => {
  ({ setup, browser, page } = await openSyncedApp(options, ['vettig']));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});


/** The cells of a totals row, by the type named in its row header. */
async function totalsRow(type: string, caption = 'Totals in SEK'): Promise<string[]> {
  const table = page.getByRole('table', { name: caption });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: type, exact: true }) });
  return row.getByRole('cell').allTextContents();
}

describe('the Events screen', () => {
  it('lists every synced factoring event, newest first, with the running balance ending where the dataset says', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Factoring events');
    const caption = page.locator('caption').filter({ hasText: /^Events,/ });
    await expect.poll(() => caption.textContent()).toBe(`Events, 1–50 of ${expected.length.toLocaleString('en-GB')}`);
    // Paged: never more than 50 event rows in the document.
    expect(await page.locator('.ledger-table tbody tr').count()).toBe(50);
    const finalBalance = sum(expected.map((event) => sign[event.type]! * event.amount));
    const firstRow = page.locator('.ledger-table tbody tr').first().getByRole('cell');
    expect((await firstRow.allTextContents()).at(-1)).toBe(sek('en-GB', finalBalance));
    expect(await page.getByRole('columnheader', { name: 'Date' }).getAttribute('aria-sort')).toBe('descending');

    const totals = await totalsRow('Financed');
    expect(totals).toEqual([String(expected.filter((e) => e.type === 'InvoiceFactoring').length), '', '', sek('en-GB', sum(expected.filter((e) => e.type === 'InvoiceFactoring').map((e) => e.amount)))]);
  });

  it('filters by month and type, totals charges net / VAT / total, and keeps the filter in the address', async () => {
    await page.getByLabel('Month').selectOption(month);
    const caption = page.locator('caption').filter({ hasText: /^Events,/ });
    await expect.poll(() => caption.textContent()).toBe(`Events, 1–${Math.min(50, inMonth.length)} of ${inMonth.length.toLocaleString('en-GB')}`);
    for (const [label, type] of [['Financed', 'InvoiceFactoring'], ['Payout', 'ClientPayout'], ['Recourse', 'InvoiceRecourse'], ['Recourse payment', 'InvoiceRecoursePayment']] as const) {
      const ofType = inMonth.filter((e) => e.type === type);
      if (ofType.length === 0) continue;
      expect((await totalsRow(label)).at(-1), label).toBe(sek('en-GB', sum(ofType.map((e) => e.amount))));
    }
    // Where the balance stands at the month's end: every event up to then, whatever the filter shows.
    const monthEnd = inMonth.map((e) => e.date).sort().at(-1)!;
    const closing = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Balance with Vettig \(demo\) on/ }) });
    expect(await closing.getByRole('cell').allTextContents()).toEqual([sek('en-GB', sum(expected.filter((e) => e.date <= monthEnd).map((e) => sign[e.type]! * e.amount)))]);
    const charges = inMonth.filter((e) => e.type === 'Charge');
    expect(await totalsRow('Charge')).toEqual([
      String(charges.length),
      sek('en-GB', sum(charges.map((e) => e.net!))),
      sek('en-GB', sum(charges.map((e) => e.vat!))),
      sek('en-GB', sum(charges.map((e) => e.amount))),
    ]);

    await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Charge' });
    await expect.poll(() => caption.textContent()).toBe(`Events, 1–${Math.min(50, charges.length)} of ${charges.length}`);
    const types = await page.locator('.ledger-table tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(types.map((text) => text.trim()))).toEqual(new Set(['Charge']));
    expect(page.url()).toContain(`type=charge`);

    // The filter survives a restart of the window.
    await page.reload();
    await expect.poll(() => caption.textContent()).toBe(`Events, 1–${Math.min(50, charges.length)} of ${charges.length}`);
    expect(await page.getByLabel('Month').inputValue()).toBe(month);
    expect(await page.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('charge');
    if (screenshots) {
      await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'All factoring events' });
      await mkdir(screenshots, { recursive: true });
      await page.screenshot({ path: `${screenshots}/events-en.png`, fullPage: true });
      await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Charge' });
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('speaks Swedish after the language switch, with Swedish number formats', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Svenska' });
    // Back to the filtered list, as the browser's Back button would.
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Factoringhändelser');
    const charges = inMonth.filter((e) => e.type === 'Charge');
    await expect.poll(() => totalsRow('Factoringavgift', 'Summor i SEK')).toEqual([
      String(charges.length),
      sek('sv', sum(charges.map((e) => e.net!))),
      sek('sv', sum(charges.map((e) => e.vat!))),
      sek('sv', sum(charges.map((e) => e.amount))),
    ]);
    expect(await page.getByRole('button', { name: 'Rensa filter' }).isEnabled()).toBe(true);
    if (screenshots) {
      await page.getByRole('combobox', { name: 'Typ' }).selectOption({ label: 'Alla factoringhändelser' });
      await page.screenshot({ path: `${screenshots}/events-sv.png`, fullPage: true });
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});
