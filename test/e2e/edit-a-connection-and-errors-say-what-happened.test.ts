import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConnectionInput } from '../../sandbox/demo-connection-input';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import type { Connection } from '../../src-shared/domain/connection';
import { rpcCall, startAppWithSandboxes, type AppWithSandboxes } from '../support/app-with-sandboxes';
import { launchChromium, type ChromiumProfile } from '../support/chromium';

// Browser mode on the built app (npm run build), Debian's Chromium, real sandboxes.
let setup: AppWithSandboxes;
let faulty: RunningSandbox;
let faultyConnection: Connection;
let browser: ChromiumProfile;
let page: Page;

const fastRetries = { RESKONTRA_HTTP_RETRY_LIMIT: '2', RESKONTRA_HTTP_RETRY_BASE_MS: '10', RESKONTRA_HTTP_TIMEOUT_MS: '5000' };

beforeAll(async () => {
  setup = await startAppWithSandboxes({ seed: 7, scale: 30 }, ['flowtly', 'aptic'], fastRetries);
  // A second Aptic whose every answer is garbage (SANDBOX_FAULTS=malformed:1).
  faulty = await startSandbox('aptic', { seed: 7, scale: 30, faults: { malformed: 1 } });
  faultyConnection = await rpcCall<Connection>(setup.app, 'connections.add', { ...demoConnectionInput(faulty), label: 'Aptic (garbled)' });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(setup.app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await faulty?.close();
  await setup?.stop();
});

const card = (label: string): Locator => page.getByRole('article', { name: label });
const flowtly = () => setup.connections.find((c) => c.provider === 'flowtly')!;
const aptic = () => setup.connections.find((c) => c.provider === 'aptic')!;

async function syncAndWait(label: string): Promise<void> {
  await page.getByRole('button', { name: `Sync ${label}`, exact: true }).click();
  // Past the previous result: the sync started (or already ended, when it fails at once).
  await card(label).getByRole('button', { name: `Cancel sync of ${label}` }).waitFor({ timeout: 2_000 }).catch(() => undefined);
  await card(label).getByText(/^(Sync complete|Sync failed)/).waitFor({ timeout: 60_000 });
}

describe('editing a connection', () => {
  it('renames it and rotates its secret, keeping its cached invoices; refused credentials link to the form', async () => {
    const { label } = flowtly();
    await syncAndWait(label);
    const cached = card(label).getByText(/^\d+ invoices, \d+ events/);
    await expect.poll(() => cached.count()).toBe(1);
    const counted = (await cached.textContent()) ?? '';
    expect(counted).not.toMatch(/^0 invoices/);
    const goodToken = demoConnectionInput(setup.sandboxes.find((s) => s.provider === 'flowtly')!).secret as { apiToken: string };

    // A wrong secret typed in: saved, and the provider refuses it with its own words.
    await page.getByRole('button', { name: `Edit ${label}`, exact: true }).click();
    const form = page.getByRole('form', { name: `Edit ${label}` });
    expect(await form.getByLabel('Name').inputValue()).toBe(label);
    expect(await form.getByLabel('API token').inputValue()).toBe('');
    expect(await form.getByLabel('API token').getAttribute('required')).toBeNull();
    await form.getByLabel('API token').fill('not-the-flowtly-token-42');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await syncAndWait(label);
    const refused = card(label).getByRole('alert');
    await expect.poll(() => refused.textContent()).toMatch(/^Sync failed: Flowtly refused the credentials: “401 .*”\. Enter them again with Edit connection\.$/);

    // After a restart the stored error says the same, translated, with the same way to fix it.
    await page.reload();
    const stored = card(label).getByText(/^The last sync failed: /);
    await expect.poll(() => stored.textContent()).toMatch(/^The last sync failed: Flowtly refused the credentials: “401 .*”\. Enter them again with Edit connection\.$/);

    // The message's button opens the same form; a new address needs the secret again.
    await card(label).getByRole('button', { name: `Edit connection ${label} to enter the credentials again` }).click();
    const again = page.getByRole('form', { name: `Edit ${label}` });
    await again.getByLabel('API address').fill('http://127.0.0.1:9');
    expect(await again.getByLabel('API token').getAttribute('required')).not.toBeNull();
    await again.getByLabel('API address').fill(flowtly().baseUrl);

    // Test tries the unsaved values; Save keeps the cache.
    await again.getByLabel('Name').fill('Flowtly – renamed');
    await again.getByLabel('API token').fill(goodToken.apiToken);
    await again.getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => again.getByRole('status').textContent()).toBe('Test passed: the connection works.');
    await again.getByRole('button', { name: 'Save' }).click();
    await again.waitFor({ state: 'detached' });
    await expect.poll(() => card('Flowtly – renamed').getByText(counted, { exact: true }).count()).toBe(1);
    // The credentials passed a test and were saved: the stored refusal is stale, and goes.
    await expect.poll(() => card('Flowtly – renamed').getByText(/^The last sync failed/).count()).toBe(0);
    expect(await card('Flowtly – renamed').getByRole('button', { name: /^Edit connection .* to enter the credentials again$/ }).count()).toBe(0);
    await syncAndWait('Flowtly – renamed');
    await expect.poll(() => card('Flowtly – renamed').getByText(/^Sync complete/).count()).toBe(1);
    expect(await card('Flowtly – renamed').getByText(counted, { exact: true }).count()).toBe(1);
  }, 120_000);
});

describe('errors say what happened', () => {
  it('a provider sending unreadable data is named, with what could not be read', async () => {
    await syncAndWait(faultyConnection.label);
    await expect.poll(() => card(faultyConnection.label).getByRole('alert').textContent()).toMatch(
      /^Sync failed: Aptic sent a page Reskontra cannot read: “.+”\. Nothing from that page was stored/,
    );
  }, 90_000);

  it('a provider that does not answer is "Cannot reach Aptic", not "offline"', async () => {
    await setup.sandboxes.find((s) => s.provider === 'aptic')!.close();
    await syncAndWait(aptic().label);
    const text = await card(aptic().label).getByRole('alert').textContent();
    expect(text).toMatch(/^Sync failed: Cannot reach Aptic: it did not answer\./);
    expect(text).not.toContain('offline');
    // In every language the stored failure is that language's sentence, naming the provider.
    for (const [locale, sentence] of [
      ['sv', 'Senaste synkningen misslyckades: Kunde inte nå Aptic: tjänsten svarade inte.'],
      ['nl', 'De laatste synchronisatie is mislukt: Aptic is niet bereikbaar: er kwam geen antwoord.'],
      ['fi', 'Edellinen synkronointi epäonnistui: Palveluun Aptic ei saada yhteyttä: se ei vastannut.'],
      ['en', 'The last sync failed: Cannot reach Aptic: it did not answer.'],
    ] as const) {
      await page.evaluate((chosen) => window.localStorage.setItem('reskontra.locale', chosen), locale);
      await page.reload();
      await expect.poll(() => card(aptic().label).getByText(sentence).count()).toBe(1);
    }
  }, 90_000);

  it('the app itself offline says so', async () => {
    await browser.context.setOffline(true);
    try {
      await syncAndWait('Flowtly – renamed');
      await expect.poll(() => card('Flowtly – renamed').getByRole('alert').textContent()).toMatch(/^Sync failed: Reskontra is offline/);
    } finally {
      await browser.context.setOffline(false);
    }
  }, 60_000);
});
