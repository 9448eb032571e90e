import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoConnectionInput } from '../../sandbox/demo-connection-input';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import type { Connection } from '../../src-shared/domain/connection';
import { startLossyProxy, type LossyProxy } from '../actions/support/lossy-proxy';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { bearer, fetchToken, requestJson } from '../sandbox/support/sandbox-http';
import { rpcCall } from '../support/app-with-sandboxes';
import { startBrowserMode, type RunningApp } from '../support/browser-mode';
import { launchChromium, type ChromiumProfile } from '../support/chromium';

// Runs under scripts/with-keyring.sh. The Aptic sandbox holds every write (its slow fault, for
// writes only) long enough to kill the app mid-send: the host process and Chromium both get
// SIGKILL, then start again on the same data folder, profile and address.
const options = { seed: 52, scale: 40 };
/** How long the sandbox holds a write before applying and answering it. */
const holdMs = 25_000;
const item = apticReferenceItems(options.seed, options.scale).find((candidate) => candidate.purchasable === 1 && Number(candidate.remainingPrincipal) > 50)!;
const reference = 'KILLED-MID-SEND';

let sandbox: RunningSandbox;
let proxy: LossyProxy;
let dataDir = '';
let profileDir = '';
let port = 0;
let app: RunningApp | null = null;
let browser: ChromiumProfile | null = null;
let connection: Connection;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: found } = server.address() as { port: number };
      server.close(() => resolve(found));
    });
  });
}

/** The ids of this test's own Chromium processes: those started on its profile folder. */
async function chromiumPids(profile: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`--user-data-dir=${profile}`)) pids.push(Number(entry));
  }
  return pids;
}

/** The payments with our reference that the sandbox itself holds on the invoice. */
async function sandboxPayments(): Promise<number> {
  const headers = bearer(await fetchToken(sandbox));
  const { body } = await requestJson(`${sandbox.baseUrl}/v1/Invoices/${item.invoiceGuid}/Transactions?$top=100`, { headers });
  const rows = (body as { values: Array<{ transactionType: string; description: string }> }).values;
  return rows.filter((row) => row.transactionType === 'Payment' && row.description === reference).length;
}

/** The invoice as the sandbox itself holds it, read around the app. */
async function sandboxInvoice(guid: string): Promise<{ disputed?: boolean }> {
  const { body } = await requestJson(`${sandbox.baseUrl}/v1/Invoices/${guid}`, { headers: bearer(await fetchToken(sandbox)) });
  return body as { disputed?: boolean };
}

const paymentWrites = () => proxy.passed.filter((line) => line.startsWith('POST') && line.endsWith('/Payment'));

/** SIGKILL for the host process and every Chromium process of the profile: no chance to tidy up. */
async function killBoth(): Promise<void> {
  const chromium = await chromiumPids(profileDir);
  expect(chromium.length).toBeGreaterThan(0);
  const exited = new Promise((resolve) => app!.process.once('exit', resolve));
  app!.process.kill('SIGKILL');
  for (const pid of chromium) process.kill(pid, 'SIGKILL');
  await exited;
  app = null;
  browser = null;
}

async function launch(): Promise<Page> {
  app = await startBrowserMode(['--browser', '--port', String(port)], {}, dataDir);
  browser = await launchChromium({ profileDir });
  const page = await browser.context.newPage();
  await page.goto(app.url);
  return page;
}

/** The outbox rows as IndexedDB holds them, straight from the page. */
function outboxStates(page: Page, kind?: string): Promise<string[]> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reskontra-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Array<{ state: string; kind: string }>>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ state: string; kind: string }>);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.filter((row) => wanted === undefined || row.kind === wanted).map((row) => row.state);
  }, kind);
}

beforeAll(async () => {
  sandbox = await startSandbox('aptic', { ...options, faults: { slow: 1, slowMs: holdMs, writesOnly: true } });
  proxy = await startLossyProxy(sandbox.baseUrl, () => false);
  dataDir = await mkdtemp(join(tmpdir(), 'reskontra-killed-data-'));
  profileDir = await mkdtemp(join(tmpdir(), 'reskontra-killed-profile-'));
  port = await freePort();
}, 60_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await app?.stop();
  await proxy?.close();
  await sandbox?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(profileDir, { recursive: true, force: true });
});

describe('the app killed while sending', () => {
  it('never sends it again: after the restart a fresh read decides, and the sandbox holds exactly one payment', async () => {
    let page = await launch();
    connection = await rpcCall<Connection>(app!, 'connections.add', { ...demoConnectionInput(sandbox), baseUrl: proxy.baseUrl });
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
    await page.getByRole('button', { name: 'Sync all' }).click();
    await page.getByRole('article', { name: connection.label }).getByText(/^Sync complete/).waitFor({ timeout: 60_000 });

    await page.goto(`${app!.origin}/#/invoices/${encodeURIComponent(`${connection.id}/${item.invoiceGuid}`)}`);
    const actions = page.getByRole('region', { name: 'Act on this invoice at Aptic' });
    await actions.getByRole('textbox', { name: /^Amount/ }).fill('12,34');
    await actions.getByRole('textbox', { name: 'Payment reference (optional)' }).fill(reference);
    await actions.getByRole('button', { name: 'Register payment' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Prepare' }).click();
    await actions.getByRole('button', { name: 'Review and send' }).click();
    await page.getByRole('dialog', { name: 'Register this payment at Aptic?' }).getByRole('button', { name: 'Register payment' }).click();

    // Marked sending, and the write has reached the sandbox, which holds it: kill both processes now.
    await expect.poll(() => outboxStates(page, 'payment'), { timeout: 10_000 }).toEqual(['sending']);
    await expect.poll(() => paymentWrites().length, { timeout: 10_000 }).toBe(1);
    const killedAt = Date.now();
    await killBoth();

    // Same data folder, profile and address: the outbox finds the action it was sending.
    page = await launch();
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    const row = page.getByRole('table', { name: 'Actions, newest first' }).getByRole('row').filter({ hasText: 'Payment of' });
    await expect.poll(() => row.getByRole('cell').nth(2).textContent(), { timeout: 20_000 }).toBe('Needs your review');
    // The sandbox still holds the write, so the fresh read shows no payment: the app says so and asks.
    expect(Date.now() - killedAt).toBeLessThan(holdMs);
    expect(await row.textContent()).toContain('Reskontra stopped while sending; the provider does not show the change. It may not have arrived.');
    expect(await sandboxPayments()).toBe(0);

    // The held write lands once; "Check again" then confirms it without sending anything.
    await expect.poll(() => sandboxPayments(), { timeout: holdMs + 10_000, interval: 1_000 }).toBe(1);
    await row.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent(), { timeout: 10_000 }).toBe('Sent and confirmed');
    const remaining = (await rpcCall<{ remaining: number }>(app!, 'actions.readInvoice', { connectionId: connection.id, invoiceRef: item.invoiceGuid })).remaining;
    expect(remaining).toBe(Math.round(Number(item.remainingPrincipal) * 100) - 1_234);

    // More passes of the outbox (going online, a reload) send nothing more.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.reload();
    await page.getByRole('table', { name: 'Actions, newest first' }).waitFor();
    await page.waitForTimeout(2_000);
    expect(paymentWrites()).toHaveLength(1);
    expect(await sandboxPayments()).toBe(1);
  }, 180_000);

  it('a dispute killed mid-send that reached the provider is confirmed by the fresh read after the restart, without a second request', async () => {
    const target = apticReferenceItems(options.seed, options.scale).find((candidate) => candidate !== item && candidate.purchasable === 1 && Number(candidate.remainingPrincipal) > 0)!;
    // The first test's app quits as usual; this one starts it afresh on the same data.
    await browser?.close();
    await app?.stop();
    let page = await launch();
    await page.goto(`${app!.origin}/#/invoices/${encodeURIComponent(`${connection.id}/${target.invoiceGuid}`)}`);
    const actions = page.getByRole('region', { name: 'Act on this invoice at Aptic' });
    await actions.getByRole('button', { name: 'Dispute' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => outboxStates(page, 'dispute'), { timeout: 10_000 }).toEqual(['sending']);
    const disputeWrites = () => proxy.passed.filter((line) => line.startsWith('POST') && line.endsWith(`${target.invoiceGuid}/Dispute`));
    await expect.poll(() => disputeWrites().length, { timeout: 10_000 }).toBe(1);
    await killBoth();

    // This time the app stays down until the held write has landed.
    const disputed = async () => (await sandboxInvoice(target.invoiceGuid)).disputed === true;
    await expect.poll(disputed, { timeout: holdMs + 10_000, interval: 1_000 }).toBe(true);
    page = await launch();
    await expect.poll(() => outboxStates(page, 'dispute'), { timeout: 20_000 }).toEqual(['confirmed']);
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    const row = page.getByRole('table', { name: 'Actions, newest first' }).getByRole('row').filter({ hasText: target.invoiceNumber }).filter({ hasText: 'Dispute' });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Sent and confirmed');
    await page.waitForTimeout(2_000);
    expect(disputeWrites()).toHaveLength(1);
  }, 120_000);
});
