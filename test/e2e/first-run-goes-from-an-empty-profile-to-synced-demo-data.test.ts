import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cacheCounts } from '../support/app-with-sandboxes';
import { startBrowserMode, type RunningApp } from '../support/browser-mode';
import { launchChromium, type ChromiumProfile } from '../support/chromium';

const demoLabels = ['Aptic (demo)', 'Confirma Finance (demo)', 'Flowtly (demo)', 'Vettig (demo)'];

let app: RunningApp;
let browser: ChromiumProfile;
beforeAll(async () => {
  app = await startBrowserMode(['--demo'], { SANDBOX_SEED: '5', SANDBOX_SCALE: '40' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** When each stream of the cache last synced in full, read straight from IndexedDB. */
async function lastSuccesses(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Array<{ lastSuccessAt: string | null }>>((resolve, reject) => {
      const request = db.transaction('syncState').objectStore('syncState').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ lastSuccessAt: string | null }>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.map((row) => row.lastSuccessAt ?? '').sort();
  });
}

describe('first run', () => {
  it('welcomes an empty profile, and its one button brings synced demo data; later starts sync by themselves', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    const welcome = page.getByRole('region', { name: 'Welcome to Reskontra' });
    await welcome.waitFor();
    // Nothing syncs by itself before the user chose how to begin.
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'reskontra-cache'))).toBe(true);
    expect((await cacheCounts(page)).syncState).toBe(0);
    await expect.poll(() => welcome.getByRole('button', { name: 'Connect a provider' }).count()).toBe(1);

    await welcome.getByRole('button', { name: 'Try with demo data' }).click();

    // The Dashboard follows the sync and then says when each connection last synced.
    const list = page.getByRole('region', { name: 'Connections' });
    for (const label of demoLabels) {
      await list.getByRole('listitem').filter({ hasText: label }).filter({ hasText: /Last synced/ }).waitFor({ timeout: 120_000 });
    }
    const counts = await cacheCounts(page);
    expect(counts.invoices).toBeGreaterThan(0);
    expect(counts.events).toBeGreaterThan(0);
    expect(counts.cases).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('region', { name: 'What you are owed' }).getByRole('link').count()).toBeGreaterThan(0);
    expect(await welcome.count()).toBe(0);

    // The next start syncs every connection again without a press, and welcomes no more.
    const before = await lastSuccesses(page);
    expect(before.every((when) => when !== '')).toBe(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await expect.poll(async () => (await lastSuccesses(page)).every((when, index) => when > before[index]!), { timeout: 120_000 }).toBe(true);
    expect(await welcome.count()).toBe(0);
    await page.close();
  });
});
