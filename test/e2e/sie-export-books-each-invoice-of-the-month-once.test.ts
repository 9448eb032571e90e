import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedInvoices } from '../support/served-invoices';
import { readSie, sieProblems } from '../support/sie-reader';
import { openSyncedApp, type SyncedApp } from '../support/synced-app';

const options = { seed: 21, scale: 300 };
// The sandboxes' clock is pinned to 2025-06-30 (vitest.config.ts); the app's is the real one, so the month is chosen.
const month = '2025-05';

/**
 * In the demo data every invoice Flowtly issues is also serviced by Aptic, whose transactions
 * carry their own "invoiced" events: with Aptic the same invoice is seen twice; without it,
 * Flowtly's invoices have no invoiced event at all and were never booked as sales.
 */
const businesses = [
  { name: 'Flowtly, Aptic, Vettig and Confirma', providers: ['flowtly', 'aptic', 'vettig', 'confirma'] },
  { name: 'Flowtly, Vettig and Confirma', providers: ['flowtly', 'vettig', 'confirma'] },
] as const;

/** A sale in BAS: a transaction on a 30xx account (sales in Sweden); reminder fees (3930) and interest (83xx) are not. */
const isSalesAccount = (account: string) => /^30\d\d$/.test(account);

describe.each(businesses)('exporting a month as SIE 4I from the Events screen with $name', ({ providers }) => {
  let app: SyncedApp;
  beforeAll(async () => {
    app = await openSyncedApp(options, providers);
  }, 240_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('downloads a file an importer accepts, with one sales voucher per invoice issued that month', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: 'Events' }).click();
    await page.getByRole('button', { name: 'Export SIE 4I' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export: SIE 4I file' });
    await dialog.getByLabel('Month', { exact: true }).selectOption(month);
    await expect.poll(() => dialog.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/^\d+ /);

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
    expect(download.suggestedFilename()).toMatch(/_202505_SIE4I\.se$/);
    const document = readSie(await readFile((await download.path())!));
    expect(sieProblems(document)).toEqual([]);
    expect(document.vouchers.every((voucher) => voucher.date >= '20250501' && voucher.date <= '20250531')).toBe(true);

    // Counted from what the sandboxes serve, not from the app: every SEK invoice or credit note with
    // a gross (a collection case states none) issued in May, drafts left out, one per number however many providers list it.
    const issued = (await servedInvoices(app.setup.sandboxes)).filter(
      (invoice) => invoice.currency === 'SEK' && !invoice.draft && invoice.total !== null && invoice.total !== 0 && invoice.issueDate?.startsWith(month),
    );
    const sales = document.vouchers.filter((voucher) => voucher.trans.some((trans) => isSalesAccount(trans.account)));
    expect(issued.length).toBeGreaterThan(0);
    expect(sales.length).toBe(issued.length);
  }, 120_000);
});
