import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppWithSandboxes, type AppWithSandboxes } from '../support/app-with-sandboxes';
import { startBrowserMode, type RunningApp } from '../support/browser-mode';
import { launchChromium, type ChromiumProfile } from '../support/chromium';
import { syncAllFromTheUi } from '../support/synced-app';

// The built app in browser mode (npm run build first), in Debian's Chromium.

const cleanUp: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanUp.reverse()) await step();
});

const setAside = {
  id: 'too-long-label',
  provider: 'confirma',
  label: 'L'.repeat(121),
  baseUrl: 'https://staging-integrations.confirmafinance.com',
  settings: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** Per language: the warning's opening words and the navigation's name for Connections. */
const warningIn = {
  Svenska: { text: 'Koppling 1 i connections.json (”', connections: 'Kopplingar' },
  Nederlands: { text: 'Koppeling 1 in connections.json (“', connections: 'Koppelingen' },
  Suomi: { text: 'Yhteys 1 tiedostossa connections.json (”', connections: 'Yhteydet' },
  English: { text: 'Connection 1 in connections.json (“', connections: 'Connections' },
};

describe('a browser tab and the launch token', () => {
  it('shows a set-aside entry on Connections in four languages; an old tab shows nothing until the new address is pasted into it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-tab-'));
    cleanUp.push(() => rm(dataDir, { recursive: true, force: true }));
    await writeFile(join(dataDir, 'connections.json'), JSON.stringify({ version: 1, connections: [setAside] }));
    const first: AppWithSandboxes = await startAppWithSandboxes({ seed: 8, scale: 30 }, ['aptic'], { RESKONTRA_DATA_DIR: dataDir });
    cleanUp.push(() => first.stop());
    const browser: ChromiumProfile = await launchChromium({ locale: 'en-GB' });
    cleanUp.push(() => browser.close());
    const page = await browser.context.newPage();
    await page.goto(first.app.url);
    await syncAllFromTheUi(page, first);

    // The bad entry is named on Connections, in each language; the good connection works.
    const alert = page.getByRole('alert').filter({ hasText: 'connections.json' });
    await expect.poll(() => alert.textContent()).toContain(`${warningIn.English.text}${setAside.label}”) was set aside`);
    for (const [language, { text, connections }] of Object.entries(warningIn)) {
      await page.getByRole('navigation').getByRole('link').last().click();
      await page.getByRole('combobox').selectOption({ label: language });
      await page.getByRole('navigation').getByRole('link', { name: connections, exact: true }).click();
      await expect.poll(() => alert.textContent({ timeout: 5_000 })).toContain(text);
    }
    await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(10);

    // Reskontra restarts on the same port (same origin, same cache) with a new token.
    const port = new URL(first.app.origin).port;
    await first.stop();
    const second: RunningApp = await startBrowserMode(['--browser', '--port', port], { RESKONTRA_DATA_DIR: dataDir });
    cleanUp.push(() => second.stop());
    expect(second.token).not.toBe(first.app.token);

    for (const address of ['#/dashboard', '#/invoices']) {
      await page.goto(`${second.origin}/${address}`);
      await page.reload();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe(
        'This tab has no valid key to Reskontra: open the address Reskontra printed when it started, here or in a new tab.',
      );
      expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Reskontra']);
      expect(await page.getByText('Nothing synced yet').count()).toBe(0);
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await page.getByRole('link').count()).toBe(0);
      expect(await page.getByRole('row').count()).toBe(0);
    }

    // Pasting the new address into this same tab revives it: no new tab, no reload.
    const pages = browser.context.pages().length;
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#token=${second.token}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    expect(page.url()).not.toContain('token=');
    expect(browser.context.pages()).toHaveLength(pages);
    await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(10);
  });
});
