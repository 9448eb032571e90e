import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, datasetCounts, flowtlyDraftCount } from '../../sandbox/data';
import { startAllSandboxes, type RunningSandbox, type SandboxProvider } from '../../sandbox/start-sandbox';
import { asArray, asRecord, bearer, fetchToken, requestJson } from './support/sandbox-http';

const SEED = 23;
const SCALE = 530;

describe('paging walks every record exactly once', () => {
  let sandboxes: RunningSandbox[];
  const dataset = createDataset(SEED, SCALE);
  const sandbox = (provider: SandboxProvider): RunningSandbox => {
    const found = sandboxes.find((item) => item.provider === provider);
    if (!found) throw new Error(`no ${provider} sandbox`);
    return found;
  };
  beforeAll(async () => {
    sandboxes = await startAllSandboxes({ seed: SEED, scale: SCALE });
  });
  afterAll(() => Promise.all(sandboxes.map((item) => item.close())));

  async function walkHydra(path: string): Promise<{ ids: unknown[]; totalItems: number; pages: number }> {
    const flowtly = sandbox('flowtly');
    const ids: unknown[] = [];
    let next: string | undefined = path;
    let totalItems = -1;
    let pages = 0;
    while (next) {
      const response = await requestJson(`${flowtly.baseUrl}${next}`, { headers: bearer(flowtly.credentials.apiToken ?? '') });
      expect(response.status).toBe(200);
      const body = asRecord(response.body);
      totalItems = Number(body['hydra:totalItems']);
      ids.push(...asArray(body['hydra:member']).map((member) => asRecord(member)['@id']));
      const view = asRecord(body['hydra:view']);
      next = typeof view['hydra:next'] === 'string' ? view['hydra:next'] : undefined;
      pages += 1;
    }
    return { ids, totalItems, pages };
  }

  it('Flowtly invoices by hydra:next, default 30 a page', async () => {
    const { ids, totalItems, pages } = await walkHydra('/invoices');
    expect(totalItems).toBe(SCALE + flowtlyDraftCount(SCALE));
    expect(ids.length).toBe(totalItems);
    expect(new Set(ids).size).toBe(totalItems);
    expect(pages).toBe(Math.ceil(totalItems / 30));
  });

  it('Flowtly invoice rows and transactions, with itemsPerPage, and itemsPerPage above 100 is clamped', async () => {
    const rows = await walkHydra('/invoice-rows?itemsPerPage=77');
    const draftRows = rows.totalItems - (dataset.index().rowOffsets[SCALE] ?? 0);
    expect(draftRows).toBeGreaterThan(0);
    expect(new Set(rows.ids).size).toBe(rows.totalItems);
    expect(rows.ids).toEqual(Array.from({ length: rows.totalItems }, (_, n) => `/invoice-rows/${n + 1}`));
    const transactions = await walkHydra('/invoice-transactions?itemsPerPage=500');
    expect(transactions.totalItems).toBe(dataset.index().paymentOffsets[SCALE]);
    expect(new Set(transactions.ids).size).toBe(transactions.totalItems);
    expect(transactions.pages).toBe(Math.ceil(transactions.totalItems / 100));
  });

  it('Flowtly drafts are their own collection', async () => {
    const { ids, totalItems } = await walkHydra('/invoices/draft?itemsPerPage=2');
    expect(totalItems).toBe(flowtlyDraftCount(SCALE));
    expect(ids).toEqual(Array.from({ length: totalItems }, (_, n) => `/invoices/${SCALE + n + 1}`));
  });

  it('Aptic invoices by $skip/$top, total constant, every GUID once', async () => {
    const aptic = sandbox('aptic');
    const headers = bearer(await fetchToken(aptic));
    const guids: string[] = [];
    for (let skip = 0; ; skip += 100) {
      const body = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices?$skip=${skip}&$top=100`, { headers })).body);
      expect(body.total).toBe(SCALE);
      expect(body.skip).toBe(skip);
      const value = asArray(body.value).map(asRecord);
      expect(body.count).toBe(value.length);
      if (value.length === 0) break;
      guids.push(...value.map((item) => String(item.invoiceGuid)));
    }
    expect(guids.length).toBe(SCALE);
    expect(new Set(guids).size).toBe(SCALE);
    const defaultPage = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices`, { headers })).body);
    expect(defaultPage.count).toBe(25);
  });

  it('Aptic rejects $top above 100 and a negative or non-numeric $skip with problem details', async () => {
    const aptic = sandbox('aptic');
    const headers = bearer(await fetchToken(aptic));
    for (const query of ['$top=101', '$skip=-1', '$top=ten']) {
      const response = await requestJson(`${aptic.baseUrl}/v1/Invoices?${query}`, { headers });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, title: 'Bad Request', instance: '/v1/Invoices' });
    }
  });

  it('Confirma cases by page/pageSize, matching the unpaged list and X-Total-Count', async () => {
    const confirma = sandbox('confirma');
    const headers = { 'x-api-key': confirma.credentials.apiKey ?? '' };
    const all = await requestJson(`${confirma.baseUrl}/api/v1/partner/invoice/case`, { headers });
    const allIds = asArray(asRecord(all.body).cases).map((item) => asRecord(asRecord(item).summary).caseId);
    expect(allIds.length).toBe(dataset.index().collection.length);
    expect(Number(all.headers.get('x-total-count'))).toBe(allIds.length);
    const walked: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const body = asRecord((await requestJson(`${confirma.baseUrl}/api/v1/partner/invoice/case?page=${page}&pageSize=7`, { headers })).body);
      const cases = asArray(body.cases);
      if (cases.length === 0) break;
      walked.push(...cases.map((item) => asRecord(asRecord(item).summary).caseId));
    }
    expect(walked).toEqual(allIds);
    expect(new Set(walked).size).toBe(walked.length);
  });

  it('every collection total equals what datasetCounts says a full sync ends with', async () => {
    const counts = datasetCounts(dataset);
    const flowtly = sandbox('flowtly');
    const total = async (path: string): Promise<number> =>
      Number(asRecord((await requestJson(`${flowtly.baseUrl}${path}`, { headers: bearer(flowtly.credentials.apiToken ?? '') })).body)['hydra:totalItems']);
    expect(await total('/invoices')).toBe(counts.flowtlyInvoices);
    expect(await total('/invoices/draft')).toBe(counts.flowtlyDrafts);
    expect(await total('/invoice-rows')).toBe(counts.flowtlyInvoiceRows);
    expect(await total('/invoice-transactions')).toBe(counts.flowtlyInvoiceTransactions);
    expect(await total('/payment-methods')).toBe(counts.flowtlyPaymentMethods);
    const vettig = sandbox('vettig');
    const events = asArray((await requestJson(`${vettig.baseUrl}/v2/factoring/events/${vettig.settings.organisationNumber ?? ''}`, { headers: bearer(vettig.credentials.apiKey ?? '') })).body);
    expect(events.length).toBe(counts.vettigEventsV2);
    const confirma = sandbox('confirma');
    const settlements = asRecord((await requestJson(`${confirma.baseUrl}/api/v1/partner/settlements`, { headers: { 'x-api-key': confirma.credentials.apiKey ?? '' } })).body);
    expect(asArray(settlements.settlements).length).toBe(counts.confirmaSettlements);
    expect(counts.confirmaCases).toBe(dataset.index().collection.length);
  });
});
