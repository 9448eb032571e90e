import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDataset } from '../../sandbox/data';
import type { FinancingNow, InvoiceNow } from '../../src-shared/rpc/actions-methods';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { axeViolations } from '../support/axe';
import { rpcCall, type AppWithSandboxes } from '../support/app-with-sandboxes';
import type { ChromiumProfile } from '../support/chromium';
import { openSyncedApp, syncAllFromTheUi } from '../support/synced-app';

// Aptic, Vettig and Flowtly sandboxes over HTTP, the built app in browser mode, Chromium.
const options = { seed: 33, scale: 60 };
const dataset = createDataset(options.seed, options.scale);
/** Open, own-ledger SEK invoices Aptic would buy, that no factor holds and no agency collects. */
const truths = new Map(Array.from({ length: options.scale }, (_, index) => dataset.invoiceAt(index)).map((truth) => [truth.number, truth]));
const candidates = apticReferenceItems(options.seed, options.scale).filter((item) => {
  const truth = truths.get(item.invoiceNumber);
  return item.purchasable === 1 && item.financeStatus === 0 && item.currencyCode === 'SEK' && Number(item.remainingPrincipal) > 10 && truth?.factoring === null && truth.collection === null;
});

let setup: AppWithSandboxes;
let browser: ChromiumProfile;
let page: Page;

beforeAll(async () => {
  ({ setup, browser, page } = await openSyncedApp(options, ['aptic', 'vettig', 'flowtly']));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await setup?.stop();
});

const connectionOf = (provider: 'aptic' | 'vettig') => setup.connections.find((connection) => connection.provider === provider)!.id;

async function openInvoice(n: number): Promise<{ guid: string; number: string }> {
  const item = candidates[n];
  if (!item) throw new Error(`fewer than ${n + 1} candidate invoices in the dataset`);
  await page.goto(`${setup.app.origin}/#/invoices/${encodeURIComponent(`${connectionOf('aptic')}/${item.invoiceGuid}`)}`);
  await page.getByRole('heading', { level: 1, name: `Invoice ${item.invoiceNumber}` }).waitFor();
  return { guid: item.invoiceGuid, number: item.invoiceNumber };
}
const stateOf = (region: ReturnType<Page['getByRole']>, kind: RegExp) => region.getByRole('row').filter({ hasText: kind }).getByRole('cell').nth(1);

describe('sending an invoice for financing, and closing one', () => {
  it('Aptic: prepared, then eligibility and an unknown fee said plainly, sent once on confirmation; the next sync shows it factored', async () => {
    const { guid, number } = await openInvoice(0);
    const region = page.getByRole('region', { name: 'Act on this invoice at Aptic' });
    await region.getByRole('button', { name: 'Prepare sale to Aptic' }).click();
    const prepare = page.getByRole('dialog', { name: 'Send this to Aptic?' });
    expect(await prepare.textContent()).toContain(`request for Aptic to buy invoice ${number}`);
    await prepare.getByRole('button', { name: 'Prepare' }).click();
    await expect.poll(() => stateOf(region, /^Sale to the financier/).textContent()).toBe('Prepared: confirm to send');
    expect((await rpcCall<InvoiceNow>(setup.app, 'actions.readInvoice', { connectionId: connectionOf('aptic'), invoiceRef: guid })).financing).toBe('own-ledger');

    await region.getByRole('button', { name: 'Review and send' }).click();
    const approve = page.getByRole('dialog', { name: 'Send this invoice for financing at Aptic?' });
    const said = await approve.textContent();
    expect(said).toContain(`Aptic says it will buy invoice ${number}`);
    expect(said).toContain('The fee is not known beforehand');
    expect(await axeViolations(page)).toEqual([]);
    await approve.getByRole('button', { name: 'Send for financing' }).click();
    await expect.poll(() => stateOf(region, /^Sale to the financier/).textContent(), { timeout: 20_000 }).toBe('Sent and confirmed');
    expect((await rpcCall<InvoiceNow>(setup.app, 'actions.readInvoice', { connectionId: connectionOf('aptic'), invoiceRef: guid })).financing).toBe('factored');

    await syncAllFromTheUi(page, setup);
    await openInvoice(0);
    const held = page.getByRole('region', { name: 'As Aptic holds it' });
    await expect.poll(() => held.textContent()).toContain('Factored');
    const timeline = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Event' }) });
    expect(await timeline.textContent()).toContain('Financed');
    // Sold to Aptic: Vettig is no longer offered the same invoice.
    expect(await page.getByRole('button', { name: 'Prepare financing at Vettig' }).count()).toBe(0);
  });

  it('Vettig: built from the invoice’s rows, no quote but the fee history said, sent once; the next sync shows its events', async () => {
    const { number } = await openInvoice(1);
    const region = page.getByRole('region', { name: 'Finance at Vettig' });
    await region.getByRole('button', { name: 'Prepare financing at Vettig' }).click();
    await page.getByRole('dialog', { name: 'Send this to Vettig?' }).getByRole('button', { name: 'Prepare' }).click();
    await expect.poll(() => stateOf(region, /^Financing request/).textContent()).toBe('Prepared: confirm to send');
    await region.getByRole('button', { name: 'Review and send' }).click();
    const approve = page.getByRole('dialog', { name: 'Send this invoice for financing at Vettig?' });
    const said = await approve.textContent();
    expect(said).toContain(`Vettig will finance invoice ${number}`);
    expect(said).toContain('The fee is not known beforehand');
    expect(said).toContain('history, not a quote');
    await approve.getByRole('button', { name: 'Send for financing' }).click();
    await expect.poll(() => stateOf(region, /^Financing request/).textContent(), { timeout: 20_000 }).toBe('Sent and confirmed');
    expect((await rpcCall<FinancingNow>(setup.app, 'actions.readFinancing', { connectionId: connectionOf('vettig'), invoiceNumber: number })).financed).toBe(true);

    await syncAllFromTheUi(page, setup);
    await openInvoice(1);
    await page.getByRole('region', { name: 'As Vettig holds it' }).waitFor();
    const timeline = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Event' }) });
    expect(await timeline.textContent()).toContain('Financed');
    expect(await page.getByRole('button', { name: 'Prepare financing at Vettig' }).count()).toBe(0);
  });

  it('Aptic close: the confirm step says what stops being collected; sent and confirmed', async () => {
    const { guid, number } = await openInvoice(2);
    const region = page.getByRole('region', { name: 'Act on this invoice at Aptic' });
    await region.getByRole('textbox', { name: 'Closure note (optional)' }).fill('Settled by phone');
    await region.getByRole('button', { name: 'Close invoice' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send this to Aptic?' });
    expect(await dialog.textContent()).toContain(`Aptic will close invoice ${number}`);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => stateOf(region, /^Close the invoice/).textContent(), { timeout: 20_000 }).toBe('Sent and confirmed');
    expect(await rpcCall<InvoiceNow>(setup.app, 'actions.readInvoice', { connectionId: connectionOf('aptic'), invoiceRef: guid })).toMatchObject({ open: false, remaining: 0 });
  });
});
