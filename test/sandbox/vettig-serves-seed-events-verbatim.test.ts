import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, vettigEventsV1, vettigEventsV2 } from '../../sandbox/data';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { asArray, asRecord, bearer, fetchToken, readSeedFixture, requestJson } from './support/sandbox-http';

describe('Vettig sandbox events', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox('vettig', { seed: 11, scale: 300 });
  });
  afterAll(() => sandbox.close());

  const eventsUrl = (version: 'v1' | 'v2', org = sandbox.settings.organisationNumber ?? ''): string =>
    version === 'v2' ? `${sandbox.baseUrl}/v2/factoring/events/${org}` : `${sandbox.baseUrl}/factoring/events/${org}`;

  it('serves the seed page six events of invoice 10425 verbatim for its organisation number', async () => {
    const response = await requestJson(eventsUrl('v2'), { headers: bearer(sandbox.credentials.apiKey ?? '') });
    expect(response.status).toBe(200);
    const seedEvents = asArray(readSeedFixture('vettig-events-10425.json'));
    const seedIds = new Set(seedEvents.map((event) => asRecord(event).id));
    const served = asArray(response.body).filter((event) => seedIds.has(asRecord(event).id));
    // Same objects, same key order: what the page shows is what goes over the wire.
    expect(JSON.stringify(served)).toBe(JSON.stringify(seedEvents));
  });

  it('serves the whole ledger the data module computes, dated in order', async () => {
    const response = await requestJson(eventsUrl('v2'), { headers: bearer(sandbox.credentials.apiKey ?? '') });
    const expected = vettigEventsV2(createDataset(11, 300));
    expect(response.body).toEqual(expected);
    const dates = expected.map((event) => event.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(expected.map((event) => event.id)).size).toBe(expected.length);
    expect(new Set(expected.map((event) => event.type))).toEqual(new Set(['InvoiceFactoring', 'Charge', 'ClientPayout', 'InvoiceRecourse', 'InvoiceRecoursePayment']));
  });

  it('charges carry net plus VAT that add up, and a payout is the amount less both charges', () => {
    const events = vettigEventsV2(createDataset(11, 300));
    for (const event of events) if (event.type === 'Charge') expect(Math.round(event.amountExclVat * 100) + Math.round(event.vat * 100)).toBe(Math.round(event.amount * 100));
    const byInvoice = new Map<string, number>();
    for (const event of events) if (event.type === 'InvoiceFactoring') byInvoice.set(event.invoiceNumber, Math.round(event.amount * 100));
    for (const event of events) if (event.type === 'Charge') byInvoice.set(event.invoiceNumber, (byInvoice.get(event.invoiceNumber) ?? 0) - Math.round(event.amount * 100));
    const payouts = events.filter((event) => event.type === 'ClientPayout').map((event) => Math.round(event.amount * 100));
    expect(payouts.sort()).toEqual([...byInvoice.values()].sort());
  });

  it('v1 folds the charges into InvoicePayment with chargesTotal and chargesVat', async () => {
    const response = await requestJson(eventsUrl('v1'), { headers: bearer(sandbox.credentials.apiKey ?? '') });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(vettigEventsV1(createDataset(11, 300)));
    const payment = asArray(response.body).map(asRecord).find((event) => event.type === 'InvoicePayment' && event.invoiceNumber === '10425');
    expect(payment).toMatchObject({ amount: 971.5, chargesTotal: 28.5, chargesVat: 5.7, date: '2025-01-31' });
  });

  it('answers 404 Record not found for another organisation number', async () => {
    const response = await requestJson(eventsUrl('v2', '5560000000'), { headers: bearer(sandbox.credentials.apiKey ?? '') });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Record not found' });
  });

  it('accepts a token exchanged for the client id and secret, by form or by JSON', async () => {
    const token = await fetchToken(sandbox);
    expect((await requestJson(eventsUrl('v2'), { headers: bearer(token) })).status).toBe(200);
    const json = await requestJson(`${sandbox.baseUrl}${sandbox.settings.tokenPath ?? ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: sandbox.credentials.clientId, client_secret: sandbox.credentials.clientSecret }),
    });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  });
});
