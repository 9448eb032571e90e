import { afterEach, describe, expect, it } from 'vitest';
import { SyncCancelled } from '../../src-renderer/sync/sync-connection';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { countedSync, type CountedSync } from './support/counted-sync';

type Json = Record<string, unknown>;

/** Flowtly's invoices as its sandbox lists them (read straight from it, not through the app). */
async function listedInvoices(sync: CountedSync): Promise<Json[]> {
  const { baseUrl, credentials } = sync.sandbox;
  const invoices: Json[] = [];
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${baseUrl}/invoices?itemsPerPage=100&page=${page}`, { headers: { authorization: `Bearer ${credentials.apiToken!}`, accept: 'application/ld+json' } });
    const members = ((await response.json()) as Json)['hydra:member'] as Json[];
    invoices.push(...members);
    if (members.length < 100) return invoices;
  }
}

const rowCalls = (sync: CountedSync) => sync.requests.filter((request) => request.startsWith('GET /invoice-rows/'));
const rowsOf = (invoice: Json) => (invoice.invoiceRows as string[]).map((iri) => `GET ${iri}`).sort();

describe('Flowtly invoice rows', () => {
  let sync: CountedSync;
  afterEach(async () => sync?.close());

  it('are fetched on the first sync, not at all on a second, and only for the invoice that changed', async () => {
    sync = await countedSync('flowtly', { seed: 7, scale: 250 });
    const listed = await listedInvoices(sync);
    await sync.sync();
    expect(rowCalls(sync).sort()).toEqual(listed.flatMap(rowsOf).sort());
    const first = await sync.snapshot();
    expect((await cachedInvoices(sync.db)).every((invoice) => invoice.vatLines !== undefined && invoice.listHash)).toBe(true);

    sync.requests.length = 0;
    await sync.sync();
    expect(rowCalls(sync)).toEqual([]);
    expect(sync.requests.some((request) => request.startsWith('GET /invoices?'))).toBe(true);
    expect(await sync.snapshot()).toEqual(first);

    // A change through Flowtly's own write endpoint: that invoice's list entry changes.
    const changed = listed.find((invoice) => (invoice.invoiceRows as string[]).length > 0)!;
    const patch = await fetch(`${sync.sandbox.baseUrl}/invoices/${String(changed.id)}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sync.sandbox.credentials.apiToken!}`, 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ dueDate: '2031-01-31' }),
    });
    expect(patch.status).toBe(200);
    sync.requests.length = 0;
    await sync.sync();
    expect(rowCalls(sync).sort()).toEqual(rowsOf(changed));
    const after = (await cachedInvoices(sync.db)).find((invoice) => invoice.providerRef === String(changed.id))!;
    expect(after.dueDate).toBe('2031-01-31');
    expect(after.vatLines?.length).toBeGreaterThan(0);
  }, 180_000);

  it('are all fetched again by a full resync', async () => {
    sync = await countedSync('flowtly', { seed: 7, scale: 250 });
    const listed = await listedInvoices(sync);
    await sync.sync();
    const first = await sync.snapshot();
    sync.requests.length = 0;
    await sync.sync({ full: true });
    expect(rowCalls(sync).sort()).toEqual(listed.flatMap(rowsOf).sort());
    expect(await sync.snapshot()).toEqual(first);
  }, 180_000);

  it('of a sync cancelled midway are all there once it resumes, as an uninterrupted sync has them', async () => {
    sync = await countedSync('flowtly', { seed: 7, scale: 250 });
    const listed = await listedInvoices(sync);
    const controller = new AbortController();
    const run = sync.sync({ signal: controller.signal, onProgress: (progress) => progress.pages === 1 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(SyncCancelled);
    // The list commits first and the rows come after it: none were asked for yet.
    expect(rowCalls(sync)).toEqual([]);
    await sync.sync();
    const resumed = await sync.snapshot();

    const reference = await countedSync('flowtly', { seed: 7, scale: 250 });
    try {
      await reference.sync();
      expect(resumed).toEqual(await reference.snapshot());
    } finally {
      await reference.close();
    }
    // Each row once: the rows follow the list, so a page asked again asks no row again.
    expect(rowCalls(sync).sort()).toEqual(listed.flatMap(rowsOf).sort());
  }, 180_000);
});
