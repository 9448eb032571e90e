import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { asArray, asRecord, bearer, postJson, requestJson, type JsonResponse } from './support/sandbox-http';

describe('Flowtly write endpoints change later reads and reject invalid bodies', () => {
  let flowtly: RunningSandbox;
  let headers: Record<string, string>;
  let draftId = 0;
  beforeAll(async () => {
    flowtly = await startSandbox('flowtly', { seed: 19, scale: 90 });
    headers = bearer(flowtly.credentials.apiToken ?? '');
  });
  afterAll(() => flowtly.close());

  const get = async (path: string): Promise<Record<string, unknown>> => asRecord((await requestJson(`${flowtly.baseUrl}${path}`, { headers })).body);
  const memberIds = async (path: string): Promise<unknown[]> => asArray((await get(`${path}?itemsPerPage=100&page=1`))['hydra:member']).map((member) => asRecord(member).id);
  const expectViolation = (response: JsonResponse, propertyPath: string): void => {
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(asArray(asRecord(response.body).violations).map((violation) => asRecord(violation).propertyPath)).toContain(propertyPath);
  };
  const newInvoice = {
    client: '/clients/7',
    clientName: 'Van IJzendoorn Bouw B.V.',
    currency: 'EUR',
    issueDate: '2025-06-20',
    dueDate: '2025-07-20',
    invoiceRows: [
      { productName: 'Montage', quantity: 3, unit: 'uur', vatRate: '21', netPrice: '12.50' },
      { productName: 'Materiaal', quantity: 1, vatRate: '9', netPrice: '100.00', netDiscountAmount: '10.00' },
    ],
  };

  it('POST /invoices creates a draft with rows; amounts are computed from the rows', async () => {
    const before = Number((await get('/invoices'))['hydra:totalItems']);
    const rowsBefore = Number((await get('/invoice-rows'))['hydra:totalItems']);
    const created = await postJson(`${flowtly.baseUrl}/invoices`, newInvoice, headers);
    expect(created.status).toBe(201);
    const invoice = asRecord(created.body);
    draftId = Number(invoice.id);
    // 3 x 12.50 = 37.50 at 21 % (7.875 -> 7.88); 100.00 - 10.00 = 90.00 at 9 % (8.10).
    expect(invoice).toMatchObject({ '@type': 'Invoice', status: 'draft', amountNet: '127.50', amount: '143.48', currency: 'EUR' });
    expect(Number((await get('/invoices'))['hydra:totalItems'])).toBe(before + 1);
    expect(Number((await get('/invoice-rows'))['hydra:totalItems'])).toBe(rowsBefore + 2);
    expect(await get(`/invoices/${draftId}`)).toMatchObject({ id: draftId, status: 'draft' });
    const row = await get(String(asArray(invoice.invoiceRows)[0]));
    expect(row).toMatchObject({ '@type': 'InvoiceRow', netPrice: '12.50', vatRate: '21', quantity: 3, invoice: `/invoices/${draftId}` });
    expect(await memberIds('/invoices/draft')).toContain(draftId);
  });

  it('POST /invoices rejects missing or malformed fields with a ConstraintViolationList, and broken JSON with 400', async () => {
    expectViolation(await postJson(`${flowtly.baseUrl}/invoices`, { ...newInvoice, invoiceRows: [{ quantity: 1, vatRate: '21', netPrice: '1.00' }] }, headers), 'invoiceRows.0.productName');
    expectViolation(await postJson(`${flowtly.baseUrl}/invoices`, { ...newInvoice, invoiceRows: [{ productName: 'x', quantity: 1, vatRate: '21', netPrice: '12.505' }] }, headers), 'invoiceRows.0.netPrice');
    expectViolation(await postJson(`${flowtly.baseUrl}/invoices`, { ...newInvoice, client: 'clients/7' }, headers), 'client');
    expectViolation(await postJson(`${flowtly.baseUrl}/invoices`, { ...newInvoice, dueDate: '2025-06-01' }, headers), 'dueDate');
    const broken = await requestJson(`${flowtly.baseUrl}/invoices`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"client":' });
    expect(broken.status).toBe(400);
  });

  it('PATCH is JSON Merge Patch: it changes the invoice, needs the merge-patch content type and refuses unknown fields', async () => {
    const patch = (body: unknown, contentType = 'application/merge-patch+json') =>
      requestJson(`${flowtly.baseUrl}/invoices/${draftId}`, { method: 'PATCH', headers: { ...headers, 'content-type': contentType }, body: JSON.stringify(body) });
    const changed = await patch({ dueDate: '2025-08-31' });
    expect(changed.status).toBe(200);
    expect(await get(`/invoices/${draftId}`)).toMatchObject({ dueDate: '2025-08-31', amount: '143.48' });
    expect((await patch({ dueDate: '2025-09-01' }, 'application/json')).status).toBe(415);
    expectViolation(await patch({ amount: '1.00' }), '');
    expectViolation(await patch({ dueDate: '2025-01-01' }), 'dueDate');
  });

  it('POST /invoices/{id}/send gives the draft its number and takes it off the draft list', async () => {
    const sent = await postJson(`${flowtly.baseUrl}/invoices/${draftId}/send`, {}, headers);
    expect(sent.status).toBe(201);
    expect(asRecord(sent.body)).toMatchObject({ status: 'sent' });
    expect(String(asRecord(sent.body).name)).toMatch(/^\d+$/);
    expect(await memberIds('/invoices/draft')).not.toContain(draftId);
    expect((await postJson(`${flowtly.baseUrl}/invoices/999999/send`, {}, headers)).status).toBe(404);
  });

  it('POST /invoice-transactions pays the invoice; a draft cannot be paid', async () => {
    const before = Number((await get('/invoice-transactions'))['hydra:totalItems']);
    const paid = await postJson(`${flowtly.baseUrl}/invoice-transactions`, { invoice: `/invoices/${draftId}`, amount: 143.48, date: '2025-06-28T09:00:00+00:00' }, headers);
    expect(paid.status).toBe(201);
    expect(asRecord(paid.body)).toMatchObject({ '@type': 'InvoiceTransaction', amount: 143.48, invoice: `/invoices/${draftId}` });
    expect(Number((await get('/invoice-transactions'))['hydra:totalItems'])).toBe(before + 1);
    expect(await get(`/invoices/${draftId}`)).toMatchObject({ status: 'paid', amountPaid: '143.48' });
    const anotherDraft = asRecord((await postJson(`${flowtly.baseUrl}/invoices`, newInvoice, headers)).body);
    expectViolation(await postJson(`${flowtly.baseUrl}/invoice-transactions`, { invoice: `/invoices/${String(anotherDraft.id)}`, amount: 1, date: '2025-06-28' }, headers), 'invoice');
    expectViolation(await postJson(`${flowtly.baseUrl}/invoice-transactions`, { invoice: `/invoices/${draftId}`, amount: -5, date: '2025-06-28' }, headers), 'amount');
  });
});
