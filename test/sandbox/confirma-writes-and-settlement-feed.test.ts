import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmaSettlements, createDataset } from '../../sandbox/data';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { asArray, asRecord, postJson, requestJson } from './support/sandbox-http';

const SEED = 12;
const SCALE = 600;

describe('Confirma: settlements feed, payments, distribution and write endpoints', () => {
  let confirma: RunningSandbox;
  let headers: Record<string, string>;
  const base = (): string => `${confirma.baseUrl}/api/v1/partner`;
  beforeAll(async () => {
    confirma = await startSandbox('confirma', { seed: SEED, scale: SCALE });
    headers = { 'x-api-key': confirma.credentials.apiKey ?? '' };
  });
  afterAll(() => confirma.close());

  it('unfetchedOnly=true returns each settlement once, then nothing; the full list stays', async () => {
    const expected = confirmaSettlements(createDataset(SEED, SCALE));
    expect(expected.length).toBeGreaterThan(2);
    const first = asRecord((await requestJson(`${base()}/settlements?unfetchedOnly=true`, { headers })).body);
    expect(typeof first.createdAt).toBe('string');
    expect(first.settlements).toEqual(expected);
    expect(asRecord((await requestJson(`${base()}/settlements?unfetchedOnly=true`, { headers })).body).settlements).toEqual([]);
    expect(asRecord((await requestJson(`${base()}/settlements`, { headers })).body).settlements).toEqual(expected);
    for (const settlement of expected) {
      const allocated = settlement.allocations.reduce((sum, allocation) => sum + Math.round(allocation.allocatedTotalAmount * 100), 0);
      expect(allocated).toBe(Math.round(settlement.settlementAmount * 100));
      for (const allocation of settlement.allocations) {
        expect(allocation.breakdown.reduce((sum, part) => sum + Math.round(part.amount * 100), 0)).toBe(Math.round(allocation.allocatedTotalAmount * 100));
      }
    }
  });

  it('payments lists unsettled allocations within the dates asked; a bad date is 400', async () => {
    const all = asArray(asRecord((await requestJson(`${base()}/payments`, { headers })).body).payments).map(asRecord);
    expect(all.length).toBeGreaterThan(0);
    const june = asArray(asRecord((await requestJson(`${base()}/payments?fromDate=2025-06-01&toDate=2025-06-30`, { headers })).body).payments).map(asRecord);
    expect(june).toEqual(all.filter((payment) => String(payment.allocationDate) >= '2025-06-01'));
    expect((await requestJson(`${base()}/payments?fromDate=2025-13-01`, { headers })).status).toBe(400);
  });

  it('distribution reports its filters and counts', async () => {
    const body = asRecord((await requestJson(`${base()}/invoice/distribution?fromInvDate=2024-01-01&toInvDate=2025-06-30`, { headers })).body);
    const meta = asRecord(body.metaData);
    expect(meta.totalCount).toBe(asArray(body.invoices).length);
    expect(Number(meta.successfulCount) + Number(meta.failedCount)).toBe(meta.totalCount);
    expect(meta.filtersApplied).toMatchObject({ fromInvDate: '2024-01-01', toInvDate: '2025-06-30', fetchType: 'ALL' });
    expect((await requestJson(`${base()}/invoice/distribution?fetchType=SOME`, { headers })).status).toBe(400);
  });

  it('an invoice action shows in the case; an unknown case or a bad code is refused', async () => {
    const cases = asArray(asRecord((await requestJson(`${base()}/invoice/case?page=1&pageSize=1`, { headers })).body).cases).map(asRecord);
    const summary = asRecord(cases[0]?.summary);
    const caseId = Number(summary.caseId);
    const queued = await postJson(`${base()}/invoice/action`, { actions: [{ code: 'COMMENT', comment: 'Kunden har ringt', data: { caseId } }] }, headers);
    expect(queued).toMatchObject({ status: 202, body: { accepted: 1 } });
    const after = asRecord(asArray(asRecord((await requestJson(`${base()}/invoice/case?caseId=${caseId}`, { headers })).body).cases)[0]);
    expect(asArray(after.actions)).toEqual([expect.objectContaining({ type: 'COMMENT', status: 0, comment: 'Kunden har ringt' })]);
    expect((await postJson(`${base()}/invoice/action`, { actions: [{ code: 'COMMENT', data: { caseId: 1 } }] }, headers)).status).toBe(404);
    const invalid = await postJson(`${base()}/invoice/action`, { actions: [{ code: 'comment', data: {} }] }, headers);
    expect(invalid.status).toBe(400);
    expect(asArray(asRecord(invalid.body).errors).map((error) => asRecord(error).path)).toEqual(expect.arrayContaining(['actions.0.code', 'actions.0.data']));
  });

  it('creating an invoice validates codes, dates and amounts, then shows it in distribution', async () => {
    const invoice = { invoice: { header: { number: 'FI-7001', type: 'INVOICE', date: '2025-06-10', dueDate: '2025-07-10', currencyCode: 'EUR', languageCode: 'FI' }, parties: { buyer: { name: 'Järvinen Oy', countryCode: 'FI' } }, amounts: { totalAmount: 1240.5 } } };
    expect(await postJson(`${base()}/invoice`, invoice, headers)).toMatchObject({ status: 201, body: { invoiceNumber: 'FI-7001' } });
    const found = asRecord((await requestJson(`${base()}/invoice/distribution?invoiceNumber=FI-7001`, { headers })).body);
    expect(asArray(found.invoices)).toEqual([expect.objectContaining({ invoiceNumber: 'FI-7001', status: 'DISTRIBUTED' })]);
    expect((await postJson(`${base()}/invoice`, invoice, headers)).status).toBe(409);
    const bad = { invoice: { header: { ...invoice.invoice.header, number: 'FI-7002', currencyCode: 'euro', languageCode: 'DE', date: '10.06.2025' }, parties: { buyer: { name: 'x', countryCode: 'FIN' } }, amounts: { totalAmount: 1.234 } } };
    const refused = await postJson(`${base()}/invoice`, bad, headers);
    expect(refused.status).toBe(400);
    expect(asArray(asRecord(refused.body).errors).map((error) => asRecord(error).path)).toEqual(
      expect.arrayContaining(['invoice.header.currencyCode', 'invoice.header.languageCode', 'invoice.header.date', 'invoice.parties.buyer.countryCode', 'invoice.amounts.totalAmount']),
    );
  });
});
