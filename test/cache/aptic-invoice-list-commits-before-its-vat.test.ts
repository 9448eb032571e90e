import { afterEach, describe, expect, it } from 'vitest';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { SyncCancelled, syncConnection } from '../../src-renderer/sync/sync-connection';
import type { Invoice } from '../../src-shared/domain/records';
import { countedSync, type CountedSync } from './support/counted-sync';

const vatCalls = (sync: CountedSync) => sync.requests.filter((request) => /^GET \/v1\/Invoices\/[0-9a-f-]{36}$/.test(request));
const guidsOf = (calls: string[]) => calls.map((call) => /[0-9a-f-]{36}/.exec(call)![0]).sort();
const pending = (invoices: readonly Invoice[]) => invoices.filter((invoice) => invoice.vatPending !== undefined);

/** A bearer token from the sandbox's own token endpoint, for writing to it directly. */
async function tokenOf(sync: CountedSync): Promise<string> {
  const { baseUrl, credentials, settings } = sync.sandbox;
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId!, client_secret: credentials.clientSecret! });
  const answer = await fetch(`${baseUrl}${settings.tokenPath ?? '/login/oauth/access_token'}`, { method: 'POST', body: form });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** Postpones an invoice through Aptic's own write endpoint: its list entry (due date) changes, its VAT does not. */
async function postpone(sync: CountedSync, guid: string, newDueDate: string): Promise<void> {
  const answer = await fetch(`${sync.sandbox.baseUrl}/v1/Invoices/${guid}/Postpone`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(sync)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ newDueDate }),
  });
  expect(answer.status).toBeLessThan(300);
}

describe("Aptic invoices: the list first, each invoice's VAT after it", () => {
  const syncs: CountedSync[] = [];
  const open = async (options: Parameters<typeof countedSync>[1]) => {
    const sync = await countedSync('aptic', options);
    syncs.push(sync);
    return sync;
  };
  afterEach(async () => {
    await Promise.all(syncs.map((sync) => sync.close()));
    syncs.length = 0;
  });

  it("commits every page before any VAT is asked for, marked pending, and ends with a clean sync's cache, VAT included", async () => {
    const sync = await open({ seed: 21, scale: 60 });
    const beforeVat: { invoices?: Invoice[]; calls?: number } = {};
    await sync.sync({
      beforeDetails: async () => {
        if (beforeVat.invoices) return;
        beforeVat.calls = vatCalls(sync).length;
        beforeVat.invoices = await cachedInvoices(sync.db);
      },
    });
    expect(beforeVat.calls).toBe(0);
    expect(beforeVat.invoices!.length).toBe(60);
    expect(pending(beforeVat.invoices!).length).toBe(60);
    expect(beforeVat.invoices!.every((invoice) => invoice.vatLines === undefined)).toBe(true);

    const after = await cachedInvoices(sync.db);
    expect(pending(after)).toEqual([]);
    expect(vatCalls(sync).length).toBe(60);
    const clean = await open({ seed: 21, scale: 60, inline: true });
    await clean.sync();
    expect(await sync.snapshot()).toEqual(await clean.snapshot());
  }, 180_000);

  it('left pending by a sync cancelled between the list and its VAT, is fetched by the next sync: those invoices only', async () => {
    const sync = await open({ seed: 22, scale: 60 });
    await sync.sync();
    const reference = await sync.snapshot();
    const [first, second] = await cachedInvoices(sync.db);
    await postpone(sync, first!.providerRef, '2031-01-31');
    await postpone(sync, second!.providerRef, '2031-02-28');

    const controller = new AbortController();
    sync.requests.length = 0;
    const run = sync.sync({ signal: controller.signal, onProgress: (progress) => progress.step === 'vat' && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(SyncCancelled);
    expect(vatCalls(sync)).toEqual([]);
    const left = await cachedInvoices(sync.db);
    expect(pending(left).map((invoice) => invoice.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(left.find((invoice) => invoice.id === first!.id)!.dueDate).toBe('2031-01-31');

    // Nothing else changed: the next sync still fetches exactly the two pending VATs.
    sync.requests.length = 0;
    await sync.sync();
    expect(guidsOf(vatCalls(sync))).toEqual([first!.providerRef, second!.providerRef].sort());
    const drained = await cachedInvoices(sync.db);
    expect(pending(drained)).toEqual([]);
    const vatOf = (snapshot: unknown) => (snapshot as { invoices: Invoice[] }).invoices.map((invoice) => [invoice.id, invoice.vatLines]);
    expect(vatOf(await sync.snapshot())).toEqual(vatOf(reference));
  }, 180_000);

  it("that cannot be fetched fails the sync with the stream's error, stays pending (never \"no VAT\"), and the next sync fetches it", async () => {
    const sync = await open({ seed: 24, scale: 60 });
    // One invoice's detail never arrives: main retries, then sync.details fails.
    let lost: string | null = null;
    sync.lose = (request) => {
      if (!/^GET \/v1\/Invoices\/[0-9a-f-]{36}$/.test(request)) return false;
      lost ??= request;
      return request === lost;
    };
    await expect(sync.sync()).rejects.toThrow();
    const state = await sync.db.syncState.get([sync.connection.id, 'invoices']);
    expect(state?.lastError).not.toBeNull();
    const left = await cachedInvoices(sync.db);
    expect(left.length).toBe(60);
    expect(left.filter((invoice) => invoice.vatLines === null)).toEqual([]);
    const stillPending = pending(left);
    expect(stillPending.length).toBeGreaterThan(0);

    sync.lose = null;
    sync.requests.length = 0;
    await sync.sync();
    expect(guidsOf(vatCalls(sync))).toEqual(stillPending.map((invoice) => invoice.providerRef).sort());
    expect(pending(await cachedInvoices(sync.db))).toEqual([]);
    expect((await sync.db.syncState.get([sync.connection.id, 'invoices']))?.lastError).toBeNull();
  }, 180_000);

  it('does not give an invoice whose list entry changed while its VAT was asked for the answer asked at the old entry', async () => {
    // Two sync pages (1,000 invoices each), so a walk cancelled after its first leaves the older chunks unswept.
    const sync = await open({ seed: 23, scale: 1_100 });
    const changed = { guid: '', id: '' };
    let interfered = false;
    await sync.sync({
      beforeDetails: async () => {
        if (interfered) return;
        interfered = true;
        // The first page's first invoice changes at the provider, and a list walk (another sync,
        // stopped after its first page) commits it again before main answers this drain.
        const [invoice] = await cachedInvoices(sync.db);
        Object.assign(changed, { guid: invoice!.providerRef, id: invoice!.id });
        await postpone(sync, changed.guid, '2031-03-31');
        const controller = new AbortController();
        const walk = syncConnection(sync.db, sync.listPages(), sync.connection, { full: false, signal: controller.signal, onProgress: (progress) => progress.pages === 1 && controller.abort() });
        await expect(walk).rejects.toBeInstanceOf(SyncCancelled);
      },
    });
    const after = (await cachedInvoices(sync.db)).find((invoice) => invoice.id === changed.id)!;
    expect(after.dueDate).toBe('2031-03-31');
    expect(after.vatPending).toBeDefined();
    expect(after.vatLines).toBeUndefined();

    sync.requests.length = 0;
    await sync.sync();
    expect(guidsOf(vatCalls(sync))).toContain(changed.guid);
    expect(pending(await cachedInvoices(sync.db))).toEqual([]);
  }, 300_000);
});
