import { describe, expect, it } from 'vitest';
import type { ApticListItem } from '../../sandbox/data';
import { apticReferenceItems, useApticSandbox } from './support/aptic-session';
import { asArray, asRecord, postJson, requestJson, type JsonResponse } from './support/sandbox-http';

const SEED = 14;
const SCALE = 150;
const purchasable = apticReferenceItems(SEED, SCALE).filter((item) => item.purchasable === 1);

describe('Aptic write endpoints change later reads and reject invalid bodies', () => {
  const session = useApticSandbox({ seed: SEED, scale: SCALE });
  const url = (path: string): string => `${session().aptic.baseUrl}/v1/Invoices${path}`;
  const listItem = async (guid: string): Promise<Record<string, unknown>> => {
    const body = asRecord((await requestJson(url(`?$filter=${encodeURIComponent(`invoiceGuid eq '${guid}'`)}`), { headers: session().headers })).body);
    return asRecord(asArray(body.value)[0]);
  };
  const expectProblem = (response: JsonResponse, status: number, phrase: string): void => {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body).toMatchObject({ status });
    expect(String(asRecord(response.body).detail)).toContain(phrase);
  };
  const invoice = (n: number): ApticListItem => {
    const item = purchasable[n];
    if (!item) throw new Error(`the dataset has fewer than ${n + 1} purchasable invoices`);
    return item;
  };

  it('PUT creates invoices that the list and detail then show', async () => {
    const body = [
      { referenceNumber: 'NEW-1', invoiceDate: '2025-06-20T00:00:00Z', currencyCode: 'EUR', customer: { name: "Bakkerij 't Hart" }, debts: [{ description: 'Brood', amount: 121, vatAmount: 21 }] },
      { referenceNumber: 'NEW-2', customer: { name: 'Öberg Bygg AB' }, debts: [{ amount: 1000.5 }] },
    ];
    const created = await postJson(url(''), body, session().headers, 'PUT');
    expect(created.status).toBe(200);
    const guids = asArray(asRecord(created.body).invoiceGuids).map(String);
    expect(guids).toHaveLength(2);
    expect(asRecord((await requestJson(url('?$top=1'), { headers: session().headers })).body).total).toBe(SCALE + 2);
    const detail = asRecord((await requestJson(url(`/${guids[0] ?? ''}`), { headers: session().headers })).body);
    expect(detail).toMatchObject({ invoiceNumber: 'NEW-1', invoiceDat: '2025-06-20T00:00:00Z' });
    expect(await listItem(guids[1] ?? '')).toMatchObject({ invoiceNumber: 'NEW-2', originalPrincipal: 1000.5, remainingPrincipal: 1000.5, customerName: 'Öberg Bygg AB' });
  });

  it('PUT rejects bodies that are not an array of invoices with debts', async () => {
    expectProblem(await postJson(url(''), { customer: { name: 'x' } }, session().headers, 'PUT'), 400, 'expected array');
    expectProblem(await postJson(url(''), [{ customer: { name: 'x' }, debts: [] }], session().headers, 'PUT'), 400, 'debts');
    expectProblem(await postJson(url(''), [{ customer: { name: 'x' }, debts: [{ amount: 10.005 }] }], session().headers, 'PUT'), 400, 'two decimals');
    expectProblem(await requestJson(url(''), { method: 'PUT', headers: { ...session().headers, 'content-type': 'application/json' }, body: '[{' }), 400, 'not valid JSON');
  });

  it('PATCH changes the due date and refuses unknown fields', async () => {
    const target = invoice(0);
    expect((await postJson(url(`/${target.invoiceGuid}`), { dueDate: '2025-12-31', ourReference: 'Anna' }, session().headers, 'PATCH')).status).toBe(204);
    expect(await listItem(target.invoiceGuid)).toMatchObject({ dueDate: '2025-12-31' });
    expectProblem(await postJson(url(`/${target.invoiceGuid}`), { dueDtae: '2025-12-31' }, session().headers, 'PATCH'), 400, 'dueDtae');
    expectProblem(await postJson(url(`/${target.invoiceGuid}`), { dueDate: '2025-02-30' }, session().headers, 'PATCH'), 400, 'date');
  });

  it('Dispute marks and resolves; Postpone moves the due date only forward', async () => {
    const target = invoice(1);
    expect((await postJson(url(`/${target.invoiceGuid}/Dispute`), { reason: 'Fel antal', disputedAt: '2025-06-01T10:00:00Z' }, session().headers)).status).toBe(204);
    expect(await listItem(target.invoiceGuid)).toMatchObject({ disputed: true });
    expect((await postJson(url(`/${target.invoiceGuid}/Dispute`), { isDisputed: false }, session().headers)).status).toBe(204);
    expect(await listItem(target.invoiceGuid)).toMatchObject({ disputed: false });
    expectProblem(await postJson(url(`/${target.invoiceGuid}/Postpone`), { newDueDate: '2020-01-01T00:00:00Z' }, session().headers), 400, 'not after');
    expectProblem(await postJson(url(`/${target.invoiceGuid}/Postpone`), {}, session().headers), 400, 'newDueDate');
    expect((await postJson(url(`/${target.invoiceGuid}/Postpone`), { newDueDate: '2026-01-15T00:00:00Z' }, session().headers)).status).toBe(204);
    expect(await listItem(target.invoiceGuid)).toMatchObject({ dueDate: '2026-01-15' });
  });

  it('Purchase with recourse, then Recourse; each refuses the wrong state with 409', async () => {
    const target = invoice(2);
    expectProblem(await postJson(url(`/${target.invoiceGuid}/Recourse`), { reason: 'too early' }, session().headers), 409, 'purchased with recourse');
    expect((await postJson(url(`/${target.invoiceGuid}/Purchase`), { recourseDays: 30, purchaseFeePercentage: 1.95 }, session().headers)).status).toBe(204);
    expect(await listItem(target.invoiceGuid)).toMatchObject({ financeStatus: 3, purchased: true, purchasable: 0 });
    expectProblem(await postJson(url(`/${target.invoiceGuid}/Purchase`), {}, session().headers), 409, 'already purchased');
    expect((await postJson(url(`/${target.invoiceGuid}/Recourse`), { reason: 'Obetald', recourseFee: 150 }, session().headers)).status).toBe(204);
    expect(await listItem(target.invoiceGuid)).toMatchObject({ financeStatus: 4 });
    expect(asRecord((await requestJson(url(`/${target.invoiceGuid}/Recourse`), { headers: session().headers })).body)).toMatchObject({ values: { recoursed: true } });
  });

  it('Payment lowers the remaining principal and shows in Transactions; an overpayment is refused', async () => {
    const target = invoice(3);
    const payment = await postJson(url(`/${target.invoiceGuid}/Payment`), { paymentDate: '2025-06-25T00:00:00Z', paymentAmount: 10.25, paymentReference: 'OCR 123' }, session().headers);
    expect(payment.status).toBe(200);
    expect(payment.body).toMatchObject({ paymentAmount: 10.25, paymentReference: 'OCR 123', paymentDate: '2025-06-25T00:00:00Z' });
    const after = await listItem(target.invoiceGuid);
    expect(Math.round(Number(after.remainingPrincipal) * 100)).toBe(Math.round(target.remainingPrincipal * 100) - 1025);
    const transactions = asRecord((await requestJson(url(`/${target.invoiceGuid}/Transactions?$filter=${encodeURIComponent("transactionType eq 'Payment'")}`), { headers: session().headers })).body);
    expect(asArray(transactions.values).map((row) => asRecord(row).amount)).toContain(-10.25);
    expectProblem(await postJson(url(`/${target.invoiceGuid}/Payment`), { paymentDate: '2025-06-25', paymentAmount: 99_999_999 }, session().headers), 409, 'exceeds');
    expectProblem(await postJson(url(`/${target.invoiceGuid}/Payment`), { paymentAmount: 5 }, session().headers), 400, 'paymentDate');
  });

  it('Close ends the remaining principal; an unknown GUID is 404', async () => {
    const target = invoice(4);
    expect((await postJson(url(`/${target.invoiceGuid}/Close`), { closureCode: 'WO', note: 'Avskriven' }, session().headers)).status).toBe(204);
    expect(await listItem(target.invoiceGuid)).toMatchObject({ remainingPrincipal: 0, status: 1 });
    expectProblem(await postJson(url(`/${target.invoiceGuid}/Close`), {}, session().headers), 409, 'already closed');
    expectProblem(await postJson(url('/3f108f51-db88-4454-bb09-4a7471db4d3e/Close'), {}, session().headers), 404, 'No invoice');
  });
});
