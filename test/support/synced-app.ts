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
  await page.getByRole('button', { name: 'Sync all' }).click();
  for (const connection of app.connections) {
    await page.getByRole('article', { name: connection.label }).getByText(/^Sync complete/).waitFor({ timeout });
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
