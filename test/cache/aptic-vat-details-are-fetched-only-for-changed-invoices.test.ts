import { afterEach, describe, expect, it } from 'vitest';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { countedSync, tokenOf, type CountedSync } from './support/counted-sync';

type Json = Record<string, unknown>;

/**
 * Each invoice's net and VAT per rate as the sandbox's own details say, summed here from the
 * `debts` of GET /v1/Invoices/{guid}: `amount` is the net, `vatAmount` the VAT, per `vatPercentage`.
 */
async function sandboxVat(sync: CountedSync, token: string, guids: readonly string[]): Promise<Map<string, Array<{ rate: number; net: number; vat: number }>>> {
  const cents = (value: unknown) => Math.round(Number(value) * 100);
  const byGuid = new Map<string, Array<{ rate: number; net: number; vat: number }>>();
  for (const guid of guids) {
    const detail = (await (await fetch(`${sync.sandbox.baseUrl}/v1/Invoices/${guid}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { debts: Json[] };
    const rates = new Map<number, { rate: number; net: number; vat: number }>();
    for (const debt of detail.debts) {
      const rate = Math.round(Number(debt.vatPercentage) * 100);
      const line = rates.get(rate) ?? { rate, net: 0, vat: 0 };
      line.net += cents(debt.amount);
      line.vat += cents(debt.vatAmount);
      rates.set(rate, line);
    }
    byGuid.set(guid, [...rates.values()].sort((a, b) => a.rate - b.rate));
  }
  return byGuid;
}

const vatCalls = (sync: CountedSync) => sync.requests.filter((request) => /^GET \/v1\/Invoices\/[0-9a-f-]{36}$/.test(request));
/** The `invoice-details` stream's calls: each invoice's transactions and financial details. */
const detailCalls = (sync: CountedSync) => sync.requests.filter((request) => /^GET \/v1\/Invoices\/[0-9a-f-]{36}\/(Transactions|FinancialDetails)/.test(request));
/** Pages of Aptic's invoice list: the invoices stream's walk alone asks for them. */
const listCalls = (sync: CountedSync) => sync.requests.filter((request) => request.startsWith('GET /v1/Invoices?'));
const guidsOf = (calls: string[]) => [...new Set(calls.map((call) => /[0-9a-f-]{36}/.exec(call)![0]))].sort();

describe('Aptic invoice details (VAT, transactions, financial details)', () => {
  let sync: CountedSync;
  afterEach(async () => sync?.close());

  it("give each invoice the sandbox's own VAT per rate, are not fetched again while unchanged, and are for the changed invoice only, with the list walked once", async () => {
    sync = await countedSync('aptic', { seed: 11, scale: 60 });
    await sync.sync();
    const invoices = await cachedInvoices(sync.db);
    expect(invoices.length).toBe(60);
    expect(vatCalls(sync).length).toBe(60);
    expect(guidsOf(detailCalls(sync))).toEqual(invoices.map((invoice) => invoice.providerRef).sort());
    expect(listCalls(sync)).toHaveLength(1);
    const token = await tokenOf(sync);
    const expected = await sandboxVat(sync, token, invoices.map((invoice) => invoice.providerRef));
    expect(new Map(invoices.map((invoice) => [invoice.providerRef, invoice.vatLines]))).toEqual(expected);
    const first = await sync.snapshot();

    sync.requests.length = 0;
    await sync.sync();
    expect(vatCalls(sync)).toEqual([]);
    expect(detailCalls(sync)).toEqual([]);
    expect(listCalls(sync)).toHaveLength(1);
    expect(await sync.snapshot()).toEqual(first);

    // Postponed through Aptic's own write endpoint: the invoice's list entry (its due date) changes.
    const changed = invoices.find((invoice) => invoice.dueDate !== null)!;
    const postpone = await fetch(`${sync.sandbox.baseUrl}/v1/Invoices/${changed.providerRef}/Postpone`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ newDueDate: '2031-01-31' }),
    });
    expect(postpone.status).toBeLessThan(300);
    sync.requests.length = 0;
    await sync.sync();
    expect(vatCalls(sync)).toEqual([`GET /v1/Invoices/${changed.providerRef}`]);
    expect(guidsOf(detailCalls(sync))).toEqual([changed.providerRef]);
    expect(listCalls(sync)).toHaveLength(1);
    const after = (await cachedInvoices(sync.db)).find((invoice) => invoice.id === changed.id)!;
    expect(after.dueDate).toBe('2031-01-31');
    expect(after.vatLines).toEqual(expected.get(changed.providerRef));

    sync.requests.length = 0;
    await sync.sync({ full: true });
    expect(vatCalls(sync).length).toBe(60);
    expect(guidsOf(detailCalls(sync))).toEqual(invoices.map((invoice) => invoice.providerRef).sort());
  }, 180_000);
});
