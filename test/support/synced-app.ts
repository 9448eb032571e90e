import type { Page } from 'playwright-core';
import type { SandboxOptions, SandboxProvider } from '../../sandbox/start-sandbox';
import { startAppWithSandboxes, type AppWithSandboxes } from './app-with-sandboxes';
import { launchChromium, type ChromiumProfile } from './chromium';

export interface SyncedApp {
  setup: AppWithSandboxes;
  browser: ChromiumProfile;
  page: Page;
  stop(): Promise<void>;
}

/** Presses "Sync all" on Connections, as a person would, and waits until every connection says it is done. */
export async function syncAllFromTheUi(page: Page, app: AppWithSandboxes, timeout = 120_000): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
  const done = (label: string) => page.getByRole('article', { name: label }).getByText(/^Sync complete/);
  // A card still saying an earlier sync is complete: that message goes when this sync starts
  // (however fast it is), and only the next one says this sync is done. Waiting for the text
  // alone took the earlier message, and a test went on while the sync was still running.
  const earlier = await Promise.all(app.connections.map(async ({ label }) => ((await done(label).count()) > 0 ? done(label).elementHandle() : null)));
  await page.getByRole('button', { name: 'Sync all' }).click();
  for (const [at, connection] of app.connections.entries()) {
    await earlier[at]?.waitForElementState('hidden', { timeout });
    await done(connection.label).waitFor({ timeout });
  }
}

/** Sandboxes, browser mode and Chromium, with every connection synced from the UI: where screen tests start. */
export async function openSyncedApp(options: SandboxOptions, providers: readonly SandboxProvider[]): Promise<SyncedApp> {
  const setup = await startAppWithSandboxes(options, providers);
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.goto(setup.app.url);
  await syncAllFromTheUi(page, setup);
  return {
    setup,
    browser,
    page,
    stop: async () => {
      await browser.close();
      await setup.stop();
    },
  };
}
