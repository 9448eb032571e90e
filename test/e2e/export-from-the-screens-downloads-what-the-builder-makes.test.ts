import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import type { CacheDatabase, CachedCase, CachedEvent, CachedInvoice } from '../../src-renderer/db/cache-database';
import { calendarToday } from '../../src-shared/dates/today';
import { buildCollectionStatement } from '../../src-renderer/statements/collection-statement';
import { buildFactoringStatement } from '../../src-renderer/statements/factoring-statement';
import { statementRows, summaryRows } from '../../src-renderer/statements/statement';
import { axeViolations } from '../support/axe';
import { downloadsDuring } from '../support/downloads';
import { readCache, startAppWithSandboxes, type AppWithSandboxes } from '../support/app-with-sandboxes';
import { launchChromium, type ChromiumProfile } from '../support/chromium';
import { memoryCache } from '../support/memory-cache';
import { storeInvoices } from '../support/cached-invoices';

// Three collection cases, in SEK and EUR: a statement with totals per currency and a problem to show.
const options = { seed: 1, scale: 40 };
// Set to a folder to keep screenshots of the dialog in English and Swedish.
const screenshotDir = process.env.RESKONTRA_SCREENSHOTS;

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;

beforeAll(async () => {
  setup = await startAppWithSandboxes(options, ['vettig', 'confirma']);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(setup.app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Sync all' }).click();
  for (const connection of setup.connections) {
    await page.getByRole('article', { name: connection.label }).getByText(/^Sync complete/).waitFor({ timeout: 60_000 });
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});

/** The page's IndexedDB cache copied into a fake-indexeddb one, so the builder runs on the same records in Node. */
async function cacheFromPage(): Promise<CacheDatabase> {
  const rows = await readCache(page);
  const { db } = memoryCache();
  await storeInvoices(db, rows.filter((row) => row.kind === 'invoice') as unknown as CachedInvoice[]);
  await db.events.bulkPut(rows.filter((row) => row.kind === 'ledger-event') as unknown as CachedEvent[]);
  await db.cases.bulkPut(rows.filter((row) => row.kind === 'case') as unknown as CachedCase[]);
  return db;
}

function labels(): Map<string, string> {
  return new Map(setup.connections.map((connection) => [connection.id, connection.label]));
}

function saveAndDownload(dialog: Locator, count: number): Promise<Download[]> {
  return downloadsDuring(page, count, () => dialog.getByRole('button', { name: 'Save', exact: true }).click());
}

async function openExport(navigation: string, button: string): Promise<Locator> {
  await page.getByRole('navigation').getByRole('link', { name: navigation }).click();
  await page.getByRole('button', { name: button }).click();
  return page.getByRole('dialog');
}

describe('exporting statements from the screens in browser mode', () => {
  it('Cases: shows rows, totals and problems, then downloads exactly what the builder makes and leaves the same file in the data folder', async () => {
    const dialog = await openExport('Cases', 'Export collection statement');
    expect(await page.getByRole('dialog', { name: 'Export: Collection statement' }).count()).toBe(1);
    expect(await dialog.getByLabel('Connection').inputValue()).toBe('');

    const statement = await buildCollectionStatement(await cacheFromPage(), { language: 'en', today: calendarToday() });
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe(`${statement.rowCount} rows`);
    // What does not reconcile is shown before saving, never hidden: here, two currencies.
    expect(statement.problems.map((problem) => problem.code)).toEqual(['mixed-currencies']);
    await expect.poll(() => dialog.getByRole('note').textContent()).toContain(statement.problems[0]!.message);
    expect(await dialog.getByRole('row', { name: /^All cases: Case total: Outstanding/ }).count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByRole('radio', { name: /^Excel \(Nordic\/Dutch\)/ }).check();
    if (screenshotDir) await dialog.screenshot({ path: join(screenshotDir, 'export-dialog-en.png') });
    const [download, summaryDownload] = await saveAndDownload(dialog, 2);
    const fileName = `reskontra-collection-${calendarToday()}.csv`;
    expect(download!.suggestedFilename()).toBe(fileName);
    const downloaded = await readFile((await download!.path())!);

    const expected = Buffer.from(encodeCsvToString(statementRows(statement), csvFormat('excel-nordic')));
    expect(downloaded.equals(expected)).toBe(true);
    expect(downloaded.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const saved = join(setup.app.dataDir, 'exports', fileName);
    expect((await readFile(saved)).equals(expected)).toBe(true);
    await expect.poll(() => dialog.getByText(/^Saved in the data folder:/).textContent()).toContain(saved);
    expect(await dialog.getByRole('link', { name: `Download ${fileName}` }).count()).toBe(1);

    // The totals go beside the table, in their own file with the same preset.
    const summaryName = `reskontra-collection-${calendarToday()}.summary.csv`;
    expect(summaryDownload!.suggestedFilename()).toBe(summaryName);
    const expectedSummary = Buffer.from(encodeCsvToString(summaryRows(statement), csvFormat('excel-nordic')));
    expect((await readFile((await summaryDownload!.path())!)).equals(expectedSummary)).toBe(true);
    expect((await readFile(join(setup.app.dataDir, 'exports', summaryName))).equals(expectedSummary)).toBe(true);
    await expect.poll(() => dialog.getByText(/^Balances and totals:/).textContent()).toContain(summaryName);

    // Escape closes the modal dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Export collection statement');
  }, 120_000);

  it("exports Vettig's January from the Events screen: the 10425 example, byte for byte what the builder makes", async () => {
    const dialog = await openExport('Events', 'Export factoring statement');
    expect(await page.getByRole('dialog', { name: 'Export: Factoring statement' }).count()).toBe(1);
    const vettig = setup.connections.find((connection) => connection.provider === 'vettig')!;
    // Without a connection chosen on the screen, the statement covers every factoring company.
    expect(await dialog.getByLabel('Connection').inputValue()).toBe('');
    await dialog.getByLabel('Connection').selectOption(vettig.id);
    await dialog.getByLabel('Month', { exact: true }).selectOption('2025-01');
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe('4 rows');
    await expect.poll(() => dialog.getByRole('row', { name: /^Financed / }).textContent()).toContain('1,000.00');
    expect(await dialog.getByRole('row', { name: /^Payout / }).textContent()).toContain('971.50');
    expect(await dialog.getByText('Every total adds up.').count()).toBe(1);

    const [download] = await saveAndDownload(dialog, 2);
    expect(download!.suggestedFilename()).toBe('reskontra-factoring-2025-01.csv');
    const statement = await buildFactoringStatement(await cacheFromPage(), { connectionId: vettig.id, from: '2025-01-01', to: '2025-01-31', language: 'en', connectionLabels: labels() });
    const expected = Buffer.from(encodeCsvToString(statementRows(statement), csvFormat('excel-nordic')));
    expect((await readFile((await download!.path())!)).equals(expected)).toBe(true);
    expect((await readFile(join(setup.app.dataDir, 'exports', 'reskontra-factoring-2025-01.csv'))).equals(expected)).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
  }, 60_000);

  it('opens on last calendar month by the one clock, says plainly when nothing happened, and asks before saving an empty file', async () => {
    // Pinned to 10 February 2025: last month is January, Vettig's 10425 month.
    await page.clock.setFixedTime(new Date(2025, 1, 10, 12, 0));
    await page.reload();
    let dialog = await openExport('Events', 'Export factoring statement');
    // The dialog fills its period once it has read the clock: on a loaded machine not yet at the first look.
    await expect.poll(() => dialog.getByLabel('Month', { exact: true }).inputValue()).toBe('2025-01');
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toBe('4 rows');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Pinned to 15 November 2026: October 2026 has no factoring events.
    await page.clock.setFixedTime(new Date(2026, 10, 15, 12, 0));
    await page.reload();
    dialog = await openExport('Events', 'Export factoring statement');
    await expect.poll(() => dialog.getByLabel('Month', { exact: true }).inputValue()).toBe('2026-10');
    await expect.poll(() => dialog.getByText('Nothing happened in October 2026 for any factoring company.').count()).toBe(1);
    expect(await dialog.getByText('Every total adds up.').count()).toBe(0);
    await dialog.getByLabel('Connection').selectOption(setup.connections.find((connection) => connection.provider === 'vettig')!.id);
    await expect.poll(() => dialog.getByText('Nothing happened in October 2026 for this connection.').count()).toBe(1);

    // Save asks first; the question has the focus, Escape answers "do not save" and gives it back to Save.
    const save = dialog.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    const question = page.getByRole('alertdialog', { name: 'Save an empty statement?' });
    expect(await question.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save anyway');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await question.count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save');
    expect(await dialog.getByText(/^Saved/).count()).toBe(0);

    // Asked again and answered with the keyboard: the file holds the header only, its summary the balances.
    await page.keyboard.press('Enter');
    await question.waitFor();
    const downloads = await downloadsDuring(page, 2, () => page.keyboard.press('Enter'));
    expect(downloads[0]!.suggestedFilename()).toBe('reskontra-factoring-2026-10.csv');
    const vettig = setup.connections.find((connection) => connection.provider === 'vettig')!;
    const statement = await buildFactoringStatement(await cacheFromPage(), { connectionId: vettig.id, from: '2026-10-01', to: '2026-10-31', language: 'en', connectionLabels: labels() });
    expect(statement.rowCount).toBe(0);
    const expected = Buffer.from(encodeCsvToString(statementRows(statement), csvFormat('excel-nordic')));
    expect((await readFile((await downloads[0]!.path())!)).equals(expected)).toBe(true);
    expect(downloads[1]!.suggestedFilename()).toBe('reskontra-factoring-2026-10.summary.csv');
    await dialog.getByRole('button', { name: 'Close' }).click();
  }, 90_000);

  it('remembers the preset the user picked, and speaks Swedish', async () => {
    await page.evaluate(() => window.localStorage.setItem('reskontra.locale', 'sv'));
    await page.reload();
    const dialog = await openExport('Ärenden', 'Exportera inkassobesked');
    expect(await page.getByRole('dialog', { name: 'Exportera: Inkassobesked' }).count()).toBe(1);
    expect(await dialog.getByRole('radio', { name: /^Excel \(nordiskt\/nederländskt\)/ }).isChecked()).toBe(true);
    await expect.poll(() => dialog.getByRole('status').first().textContent()).toMatch(/^\d+ rader$/);
    await expect.poll(() => dialog.getByRole('note').textContent()).toContain('Beloppen är i EUR, SEK');
    expect(await axeViolations(page)).toEqual([]);
    if (screenshotDir) await dialog.screenshot({ path: join(screenshotDir, 'export-dialog-sv.png') });
    await dialog.getByRole('button', { name: 'Stäng' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.evaluate(() => window.localStorage.setItem('reskontra.locale', 'en'));
  }, 60_000);
});
