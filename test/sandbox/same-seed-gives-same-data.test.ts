import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, invoiceAt } from '../../sandbox/data';
import { startAllSandboxes, type RunningSandbox } from '../../sandbox/start-sandbox';
import { bearer, fetchToken, requestJson } from './support/sandbox-http';

/** One response per provider that covers its generated data. */
async function snapshot(sandboxes: RunningSandbox[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const sandbox of sandboxes) {
    switch (sandbox.provider) {
      case 'vettig':
        out.vettig = (await requestJson(`${sandbox.baseUrl}/v2/factoring/events/${sandbox.settings.organisationNumber ?? ''}`, { headers: bearer(sandbox.credentials.apiKey ?? '') })).body;
        break;
      case 'flowtly':
        out.flowtly = (await requestJson(`${sandbox.baseUrl}/invoice-rows?itemsPerPage=100&page=2`, { headers: bearer(sandbox.credentials.apiToken ?? '') })).body;
        break;
      case 'confirma':
        out.confirma = (await requestJson(`${sandbox.baseUrl}/api/v1/partner/settlements`, { headers: { 'x-api-key': sandbox.credentials.apiKey ?? '' } })).body;
        // createdAt is the time of the response, not data.
        delete (out.confirma as Record<string, unknown>).createdAt;
        break;
      case 'aptic':
        out.aptic = (await requestJson(`${sandbox.baseUrl}/v1/Invoices?$skip=150&$top=100`, { headers: bearer(await fetchToken(sandbox)) })).body;
        break;
    }
  }
  return out;
}

describe('the seed decides the data', () => {
  const sets: RunningSandbox[][] = [];
  beforeAll(async () => {
    for (const seed of [8, 8, 9]) sets.push(await startAllSandboxes({ seed, scale: 300 }));
  });
  afterAll(() => Promise.all(sets.flat().map((sandbox) => sandbox.close())));

  it('the same seed serves the same data and accepts the same credentials', async () => {
    const [first = [], second = []] = sets;
    expect(await snapshot(second)).toEqual(await snapshot(first));
    expect(second.map((sandbox) => sandbox.credentials)).toEqual(first.map((sandbox) => sandbox.credentials));
  });

  it('a different seed serves different data for every provider', async () => {
    const [first = [], , other = []] = sets;
    const a = await snapshot(first);
    const b = await snapshot(other);
    for (const provider of ['vettig', 'flowtly', 'confirma', 'aptic']) expect(b[provider], provider).not.toEqual(a[provider]);
  });

  it('an invoice does not depend on the scale or on which invoices were generated before it', () => {
    expect(createDataset(8, 5_000).invoiceAt(4_321)).toEqual(invoiceAt(8, 4_321));
    expect(createDataset(8, 300).invoiceAt(0)).toEqual(createDataset(8, 10).invoiceAt(0));
  });
});
