import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllSandboxes, type RunningSandbox, type SandboxProvider } from '../../sandbox/start-sandbox';
import { asArray, asRecord, bearer, fetchToken, readSeedFixture, requestJson, shapeMismatches } from './support/sandbox-http';

const jsonType = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

describe('every provider answers in the shapes its documentation shows', () => {
  let sandboxes: RunningSandbox[];
  const sandbox = (provider: SandboxProvider): RunningSandbox => {
    const found = sandboxes.find((item) => item.provider === provider);
    if (!found) throw new Error(`no ${provider} sandbox`);
    return found;
  };
  beforeAll(async () => {
    sandboxes = await startAllSandboxes({ seed: 5, scale: 400 });
  });
  afterAll(() => Promise.all(sandboxes.map((item) => item.close())));

  it('Confirma cases have exactly the seed example keys, occuredAt in notes included', async () => {
    const confirma = sandbox('confirma');
    const response = await requestJson(`${confirma.baseUrl}/api/v1/partner/invoice/case`, { headers: { 'x-api-key': confirma.credentials.apiKey ?? '' } });
    expect(response.status).toBe(200);
    const cases = asArray(asRecord(response.body).cases);
    expect(cases.length).toBeGreaterThan(5);
    expect(shapeMismatches(readSeedFixture('confirma-invoice-case-example.json'), response.body)).toEqual([]);
    for (const item of cases.map(asRecord)) {
      const balance = asRecord(item.balance);
      const cents = (key: string): number => Math.round(Number(balance[key]) * 100);
      for (const part of ['capital', 'interest', 'costs']) expect(cents(`${part}Paid`) + cents(`${part}Outstanding`)).toBe(cents(`${part}Amount`));
      expect(cents('capitalOutstanding') + cents('interestOutstanding') + cents('costsOutstanding')).toBe(cents('totalOutstanding'));
    }
  });

  it('Flowtly resources carry the documented fields with the documented JSON types', async () => {
    const flowtly = sandbox('flowtly');
    const fields = asRecord(readSeedFixture('flowtly-schema-fields.json'));
    const collections: Record<string, string> = { Invoice: '/invoices', InvoiceRow: '/invoice-rows', InvoiceTransaction: '/invoice-transactions', PaymentMethod: '/payment-methods' };
    for (const [resource, path] of Object.entries(collections)) {
      const response = await requestJson(`${flowtly.baseUrl}${path}?itemsPerPage=50`, { headers: bearer(flowtly.credentials.apiToken ?? '') });
      expect(response.status).toBe(200);
      const body = asRecord(response.body);
      expect(body['@type']).toBe('hydra:Collection');
      expect(Object.keys(body)).toEqual(['@context', '@id', '@type', 'hydra:member', 'hydra:totalItems', 'hydra:view']);
      const members = asArray(body['hydra:member']).map(asRecord);
      expect(members.length).toBeGreaterThan(0);
      for (const member of members) {
        expect(member['@type']).toBe(resource);
        for (const [field, types] of Object.entries(asRecord(fields[resource]))) expect(asArray(types), `${resource}.${field}`).toContain(jsonType(member[field]));
      }
    }
  });

  it('Aptic list, detail (invoiceDat), financial details, transactions and ping have the reference fields', async () => {
    const aptic = sandbox('aptic');
    const samples = asRecord(readSeedFixture('aptic-response-samples.json'));
    const headers = bearer(await fetchToken(aptic));
    const list = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices?$top=5`, { headers })).body);
    expect(Object.keys(list)).toEqual(samples.invoiceList);
    const first = asRecord(asArray(list.value)[0]);
    for (const field of asArray(samples.listItemFromProvidersMd)) expect(first).toHaveProperty(String(field));
    const guid = String(first.invoiceGuid);
    const detail = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices/${guid}`, { headers })).body);
    for (const field of asArray(samples.invoiceDetail)) expect(detail).toHaveProperty(String(field));
    expect(detail.invoiceDat).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    const financial = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices/${guid}/FinancialDetails`, { headers })).body);
    expect(Object.keys(financial)).toEqual(samples.financialDetails);
    const transactions = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices/${guid}/Transactions`, { headers })).body);
    expect(Object.keys(transactions)).toEqual(samples.transactionList);
    const ping = await requestJson(`${aptic.baseUrl}/v1/Invoices/Ping`, { headers });
    expect(ping).toMatchObject({ status: 200, body: samples.ping });
    const problem = await requestJson(`${aptic.baseUrl}/v1/Invoices/00000000-0000-4000-8000-000000000000`, { headers });
    expect(problem.status).toBe(404);
    for (const field of asArray(samples.problemDetails)) expect(problem.body).toHaveProperty(String(field));
  });

  it('Confirma validate and renew answer {isValid, message} and {"Message": key}', async () => {
    const confirma = sandbox('confirma');
    const validate = await requestJson(`${confirma.baseUrl}/api/v1/partner/validate`, { headers: { 'x-api-key': confirma.credentials.apiKey ?? '' } });
    expect(validate.status).toBe(200);
    expect(Object.keys(asRecord(validate.body))).toEqual(['isValid', 'message']);
    expect(asRecord(validate.body).isValid).toBe(true);
  });
});
