import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumProfile } from '../support/chromium';
import { startBrowserMode, type RunningApp } from '../support/browser-mode';

const sections = [
  { link: 'Dashboard', heading: 'Dashboard' },
  { link: 'Invoices', heading: 'Invoices' },
  { link: 'Events', heading: 'Factoring events' },
  { link: 'Cases', heading: 'Collection cases' },
  { link: 'Outbox', heading: 'Outbox' },
  { link: 'Connections', heading: 'Connections' },
  { link: 'Settings', heading: 'Settings' },
];

let app: RunningApp;
let browser: ChromiumProfile;
beforeAll(async () => {
  app = await startBrowserMode();
  browser = await launchChromium({ locale: 'en-GB' });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('npm run demo in browser mode', () => {
  it('says once that Electron cannot run and prints the one address line', () => {
    expect(app.output.filter((line) => line.startsWith('Electron cannot run here'))).toHaveLength(1);
    expect(app.output.filter((line) => line.startsWith('Reskontra is running at'))).toHaveLength(1);
  });

  it('navigates every section by its link and shows its heading', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Dashboard');
    expect(page.url()).not.toContain('token=');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const section of [...sections.slice(1), sections[0]!]) {
      await nav.getByRole('link', { name: section.link, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(section.heading);
      // Focus moves to the new heading, so keyboard and screen-reader users land on the content.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    }
    await page.close();
  });

  it('is usable from the keyboard alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Dashboard, Invoices, Customers, then Events.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Events');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Factoring events');
    await page.close();
  });

  it('shows what main reports in Settings: version, browser mode and the data folder', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByText(app.dataDir, { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('Browser mode').count()).toBe(1);
    // A reload keeps working: the launch token stays with the tab, not in the address.
    await page.reload();
    await expect.poll(() => page.getByText(app.dataDir, { exact: true }).count()).toBe(1);
    await page.close();
  });

  it('switches language in Settings and keeps the choice after a restart of the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Svenska' });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inställningar');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Fakturor' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fakturor');

    for (const [settingsLink, label, heading] of [
      ['Inställningar', 'Nederlands', 'Instellingen'],
      ['Instellingen', 'Suomi', 'Asetukset'],
    ] as const) {
      await page.getByRole('link', { name: settingsLink }).click();
      await page.getByRole('combobox').selectOption({ label });
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    }

    const reopened = await browser.context.newPage();
    await reopened.goto(app.url);
    await expect.poll(() => reopened.getByRole('heading', { level: 1 }).textContent()).toBe('Yleiskatsaus');
    await reopened.getByRole('link', { name: 'Asetukset' }).click();
    await reopened.getByRole('combobox', { name: 'Kieli' }).selectOption({ label: 'English' });
    await expect.poll(() => reopened.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await page.close();
    await reopened.close();
  });

  it('follows the OS language on first start', async () => {
    const dutch = await launchChromium({ locale: 'nl-NL' });
    const page = await dutch.context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overzicht');
    await dutch.close();
  });

  it('refuses calls from a page opened without the launch token', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.origin}/`);
    const status = await page.evaluate(async () => (await fetch('/rpc/app.info', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
    await page.goto(`${app.origin}/#/settings`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('open the address Reskontra printed when it started');
    await page.close();
  });
});

describe('browser mode options', () => {
  it('uses --port N and stops cleanly on Ctrl-C', async () => {
    const { createServer } = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const pinned = await startBrowserMode(['--browser', '--port', String(port)]);
    expect(pinned.origin).toBe(`http://127.0.0.1:${port}`);
    expect(pinned.output.some((line) => line.startsWith('Electron cannot run here'))).toBe(false);
    expect(await pinned.stop()).toBe(0);
  });

  it('refuses an unknown flag with a clear message', async () => {
    await expect(startBrowserMode(['--browser', '--prot', '1'])).rejects.toThrow(/Unknown option "--prot"/);
  });
});
