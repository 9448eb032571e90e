import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumProfile } from '../support/chromium';
import {
  cacheByConnection,
  cacheCounts,
  readCache,
  referenceRecords,
  startAppWithSandboxes,
  type AppWithSandboxes,
} from '../support/app-with-sandboxes';

const options = { seed: 11, scale: 10_000 };

/** Presses "Sync all" as a person would and waits until no connection is syncing any more. */
async function syncAllFromTheUi(page: Page, timeoutMs = 240_000): Promise<void> {
  await openConnections(page);
  await page.getByRole('button', { name: 'Sync all' }).click();
  await page.getByRole('button', { name: /^Cancel sync of/ }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('progress'), undefined, { timeout: timeoutMs, polling: 250 });
}

/** Opens the app at its launch address (which carries the token) and goes to Connections. */
async function openConnections(page: Page): Promise<void> {
  await page.goto(setup.app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
}

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let reference: Awaited<ReturnType<typeof referenceRecords>>;

beforeAll(async () => {
  [setup, reference] = await Promise.all([startAppWithSandboxes(options), referenceRecords(options)]);
  browser = await launchChromium();
  // The reference walk reads 40,000 invoices and their details straight from the sandboxes.
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});

describe('syncing 10,000 invoices from each provider into the offline cache', () => {
  it('holds exactly what each provider holds, record by record', async () => {
    const page = await browser.context.newPage();
    const started = Date.now();
    await syncAllFromTheUi(page);
    console.log(`Sync all took ${Date.now() - started} ms`);
    for (const connection of setup.connections) {
      await expect.poll(() => page.getByRole('article', { name: connection.label }).getByText(/^Sync complete/).count()).toBe(1);
    }

    console.log(`synced ${options.scale} invoices per provider from the UI`);
    const cached = cacheByConnection(await readCache(page));
    for (const connection of setup.connections) {
      const expected = reference.get(connection.provider)!;
      const got = cached.get(connection.id) ?? new Map();
      expect(got.size, `${connection.provider} record count`).toBe(expected.size);
      const different = [...expected].filter(([key, value]) => got.get(key) !== value).map(([key]) => key);
      expect(different.slice(0, 5), `${connection.provider} records that differ`).toEqual([]);
    }
    const apticInvoices = [...(cached.get(setup.connections.find((c) => c.provider === 'aptic')!.id) ?? new Map()).keys()].filter((key) => key.startsWith('invoice '));
    expect(apticInvoices).toHaveLength(10_000);
    await page.close();
  }, 400_000);

  it('shows all of it again after a reload with every sandbox stopped', async () => {
    await setup.stopSandboxes();
    const page = await browser.context.newPage();
    await openConnections(page);
    const aptic = setup.connections.find((c) => c.provider === 'aptic')!;
    const card = page.getByRole('article', { name: aptic.label });
    // Reading 40,000 cached records back can take a while on a busy machine.
    await expect.poll(() => card.getByText(/^10,000 invoices/).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => card.getByText('Never').count(), { timeout: 30_000 }).toBe(0);
    await page.close();
  });

  it('fails fast when offline, says so, and changes nothing', async () => {
    const page = await browser.context.newPage();
    await openConnections(page);
    const before = await cacheCounts(page);
    await browser.context.setOffline(true);
    const started = Date.now();
    await page.getByRole('button', { name: 'Sync all' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Sync failed' }).count()).toBe(setup.connections.length);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Reskontra is offline');
    await browser.context.setOffline(false);
    expect(await cacheCounts(page)).toEqual(before);
    await page.close();
  }, 120_000);
});
