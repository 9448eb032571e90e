import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDataset } from '../../sandbox/data';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import type { CaseNow, InvoiceNow } from '../../src-shared/rpc/actions-methods';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { axeViolations } from '../support/axe';
import { rpcCall, type AppWithSandboxes } from '../support/app-with-sandboxes';
import { useLanguage } from '../support/screens';
import type { ChromiumProfile } from '../support/chromium';
import { openSyncedApp } from '../support/synced-app';

const screenshots = process.env.SCREENSHOTS;
const options = { seed: 31, scale: 80 };
const openItems = apticReferenceItems(options.seed, options.scale).filter((item) => item.purchasable === 1 && Number(item.remainingPrincipal) > 10);
const dataset = createDataset(options.seed, options.scale);
const openCase = Array.from(dataset.index().collection, (index) => dataset.invoiceAt(index).collection!).find((collection) => collection.closedDate === null);

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;
let restarted: RunningSandbox | null = null;

beforeAll(async () => {
  ({ setup, browser, page } = await openSyncedApp(options, ['aptic', 'confirma']));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await restarted?.close();
  await setup?.stop();
});

const connectionOf = (provider: 'aptic' | 'confirma') => setup.connections.find((connection) => connection.provider === provider)!.id;
const readInvoice = (guid: string) => rpcCall<InvoiceNow>(setup.app, 'actions.readInvoice', { connectionId: connectionOf('aptic'), invoiceRef: guid });

async function openInvoice(n: number): Promise<{ guid: string; number: string }> {
  const item = openItems[n]!;
  await page.goto(`${setup.app.origin}/#/invoices/${encodeURIComponent(`${connectionOf('aptic')}/${item.invoiceGuid}`)}`);
  await page.getByRole('heading', { level: 1, name: `Invoice ${item.invoiceNumber}` }).waitFor();
  return { guid: item.invoiceGuid, number: item.invoiceNumber };
}

const actions = () => page.getByRole('region', { name: 'Act on this invoice at Aptic' });
const stateOf = (region: ReturnType<Page['getByRole']>, kind: RegExp) => region.getByRole('row').filter({ hasText: kind }).getByRole('cell').nth(1);

describe('acting from the ledger', () => {
  it('disputes an invoice from its page: the confirm step says what Aptic will do, then it is sent and confirmed', async () => {
    const { guid, number } = await openInvoice(0);
    await actions().getByRole('textbox', { name: 'Reason (optional)' }).fill('Wrong goods delivered');
    await actions().getByRole('button', { name: 'Dispute' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send this to Aptic?' });
    expect(await dialog.textContent()).toContain(`Aptic will mark invoice ${number} as disputed`);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => stateOf(actions(), /^Dispute/).textContent(), { timeout: 20_000 }).toBe('Sent and confirmed');
    expect((await readInvoice(guid)).disputed).toBe(true);
  });

  it('a postponement Aptic refuses shows Aptic’s reason, on the invoice and in the Outbox', async () => {
    await openInvoice(1);
    await actions().getByLabel('New due date').fill('2020-01-02');
    await actions().getByRole('button', { name: 'Postpone due date' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => stateOf(actions(), /^Postpone/).textContent(), { timeout: 20_000 }).toBe('Refused by the provider');
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    const row = page.getByRole('table', { name: 'Actions, newest first' }).getByRole('row').filter({ hasText: 'Refused by the provider' });
    expect(await row.textContent()).toContain('is not after the current due date');
    expect(await axeViolations(page)).toEqual([]);
    // In every language: the app's own sentence, with Aptic's words inside it.
    for (const [locale, sentence] of [
      ['sv', 'Aptic avvisade ändringen'],
      ['nl', 'Aptic weigerde de wijziging'],
      ['fi', 'Aptic hylkäsi muutoksen'],
      ['en', 'Aptic refused the change'],
    ] as const) {
      await page.evaluate((chosen) => window.localStorage.setItem('reskontra.locale', chosen), locale);
      await page.reload();
      const refused = page.getByRole('table').getByRole('row').filter({ hasText: 'is not after the current due date' });
      await expect.poll(() => refused.count()).toBe(1);
      expect(await refused.textContent()).toContain(sentence);
    }
  });

  it('a payment is only prepared; it is registered once after the user confirms what is owed now', async () => {
    const { guid } = await openInvoice(2);
    const before = await readInvoice(guid);
    await actions().getByRole('textbox', { name: /^Amount/ }).fill('12,50');
    await actions().getByRole('button', { name: 'Register payment' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Prepare' }).click();
    await expect.poll(() => stateOf(actions(), /^Payment/).textContent()).toBe('Prepared: confirm to send');
    // However long it waits, nothing is sent until the user confirms.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect((await readInvoice(guid)).remaining).toBe(before.remaining);
    await actions().getByRole('button', { name: 'Review and send' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register this payment at Aptic?' });
    expect(await dialog.textContent()).toMatch(/is still owed now/);
    await dialog.getByRole('button', { name: 'Register payment' }).click();
    await expect.poll(() => stateOf(actions(), /^Payment/).textContent(), { timeout: 20_000 }).toBe('Sent and confirmed');
    expect((await readInvoice(guid)).remaining).toBe(before.remaining - 1_250);
  });

  it('dates are the app’s own date fields, written as the language writes them: Swedish and Dutch, checked in Swedish, sent on Enter', async () => {
    await openInvoice(3);
    await useLanguage(page, 'nl');
    const dutch = page.getByRole('region', { name: 'Handel deze factuur af bij Aptic' });
    // The payment date starts at today, written day first as Dutch does (the browser's field would say mm/dd/yyyy).
    expect(await dutch.getByRole('textbox', { name: 'Betaaldatum' }).inputValue()).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(await dutch.getByRole('textbox', { name: 'Nieuwe vervaldatum' }).getAttribute('placeholder')).toBe('DD-MM-JJJJ');

    await useLanguage(page, 'sv');
    const region = page.getByRole('region', { name: 'Agera på fakturan hos Aptic' });
    expect(await page.locator('input[type="date"], input[type="month"]').count()).toBe(0);
    const payment = region.getByRole('textbox', { name: 'Betalningsdag' });
    expect(await payment.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const field = region.getByRole('textbox', { name: 'Ny förfallodag' });
    expect(await field.getAttribute('placeholder')).toBe('ÅÅÅÅ-MM-DD');
    const validation = () => field.evaluate((input: HTMLInputElement) => input.validationMessage);
    await region.getByRole('button', { name: 'Skjut upp förfallodagen' }).click();
    expect(await validation()).toBe('Fyll i det här fältet.');
    await field.fill('31/31/2099');
    await field.press('Enter');
    expect(await validation()).toBe('Skriv datumet som ÅÅÅÅ-MM-DD.');
    expect(await page.getByRole('dialog').count()).toBe(0);
    if (screenshots) {
      await mkdir(screenshots, { recursive: true });
      await region.screenshot({ path: `${screenshots}/invoice-postpone-sv.png` });
    }
    await field.fill('2099-12-31');
    await field.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Skicka detta till Aptic?' });
    expect(await dialog.textContent()).toMatch(/flyttar förfallodagen för faktura \S+ från .+ till .*2099\./);
    await page.keyboard.press('Escape');
    await useLanguage(page, 'en');
  });

  it('a comment made while Confirma is down waits, the Dashboard counts it, and it is sent once when Confirma is back', async () => {
    if (!openCase) throw new Error('the dataset has no open case');
    const confirma = setup.sandboxes.find((sandbox) => sandbox.provider === 'confirma')!;
    const port = Number(new URL(confirma.baseUrl).port);
    await confirma.close();
    await page.goto(`${setup.app.origin}/#/cases/${encodeURIComponent(`${connectionOf('confirma')}/${openCase.caseId}`)}`);
    const region = page.getByRole('region', { name: 'Act on this case at Confirma Finance' });
    await region.getByRole('textbox', { name: 'Comment' }).fill('Debtor promised payment on Friday');
    await region.getByRole('button', { name: 'Add comment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send this to Confirma Finance?' });
    expect(await dialog.textContent()).toContain(`Confirma Finance will add your comment to case ${openCase.caseId}`);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => stateOf(region, /^Comment/).textContent()).toBe('Waiting to send');
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Outbox' }).textContent()).toContain('One action waits to be sent');

    restarted = await startSandbox('confirma', { ...options, port });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
    const row = page.getByRole('table', { name: 'Actions, newest first' }).getByRole('row').filter({ hasText: 'Debtor promised' });
    await expect.poll(() => row.getByRole('cell').nth(2).textContent(), { timeout: 20_000 }).toBe('Sent and confirmed');
    const now = await rpcCall<CaseNow>(setup.app, 'actions.readCase', { connectionId: connectionOf('confirma'), caseRef: String(openCase.caseId) });
    expect(now.comments.filter((comment) => comment === 'Debtor promised payment on Friday')).toHaveLength(1);
  });
});
