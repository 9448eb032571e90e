import { describe, expect, it } from 'vitest';
import { normalizeApticInvoice } from '../../src-main/providers/aptic/normalize';
import { apticInvoiceListSchema, apticListItemSchema } from '../../src-main/providers/aptic/schema';
import { normalizeConfirmaCase } from '../../src-main/providers/confirma/normalize';
import { confirmaCaseSchema } from '../../src-main/providers/confirma/schema';
import { normalizeVettigEvents } from '../../src-main/providers/vettig/normalize';
import { vettigEventsSchema } from '../../src-main/providers/vettig/schema';
import { sumMinor } from '../../src-shared/money/exact-sum';

// The seed pages' examples, copied verbatim (the project never reads the seed folder).
const vettigSeed = `[
    { "id": "470d6f5a-f3a3-442f-8a09-a2d7953529ae", "type": "InvoiceFactoring", "date": "2025-01-31", "invoiceNumber": "10425", "amount": 1000 },
    { "id": "2be907e0-4beb-4039-b783-8ff4132c01a6", "type": "Charge", "date": "2025-01-31", "description": "Fakturahantering: 10425", "invoiceNumber": "10425", "amount": 9, "amountExclVat": 7.2, "vat": 1.8 },
    { "id": "cb707a58-4866-4968-9687-17d93b245c52", "type": "Charge", "date": "2025-01-31", "description": "Fakturafinansiering (1.95%): 10425", "invoiceNumber": "10425", "amount": 19.5, "amountExclVat": 15.6, "vat": 3.9 },
    { "id": "f207093c-d29a-48b5-b06e-8229c4c55ffb", "type": "ClientPayout", "date": "2025-01-31", "amount": 971.5 },
    { "id": "eb8e7019-cef7-4ab7-a66d-ff9e87166a4d", "type": "InvoiceRecourse", "date": "2025-03-15", "invoiceNumber": "10425", "amount": 1000 },
    { "id": "3f108f51-db88-4454-bb09-4a7471db4d3e", "type": "InvoiceRecoursePayment", "date": "2025-03-27", "invoiceNumber": "10425", "amount": 1000 }
]`;

const confirmaSeedCase = (currency: string) => ({
  summary: { caseId: 0, status: 'string', stage: 'string', createdAt: '2019-08-24T14:15:22.123Z', closedAt: '2019-08-24', activeDays: 0, creditor: 'string', currency, agency: 'string' },
  balance: { capitalAmount: 0, interestAmount: 0, costsAmount: 0, capitalPaid: 0, interestPaid: 0, costsPaid: 0, capitalOutstanding: 0, interestOutstanding: 0, costsOutstanding: 0, totalOutstanding: 0, asOf: '2019-08-24T14:15:22.123Z' },
  invoices: [
    {
      invoiceNumber: 'string', reference: null, originalReference: null, invoiceDate: 'string', dueDate: 'string', createdDate: 'string', subject: null, invoiceDocUrl: 'string',
      interestCalculation: 'string', interestRate: 0, capitalAmount: 0, capitalPaid: 0, interestAmount: 0, interestPaid: 0,
      distribution: { method: 'string', channel: 'POSTNORD', distributedAt: 'string', paymentControlEnabled: true, information: 'string', updatedAt: '2019-08-24T14:15:22.123Z' },
      timeline: [{ type: 'string', occurredAt: 'string' }],
    },
  ],
  payments: [{ invoiceNumber: 'string', createdAt: 'string', bankPaymentDate: 'string', allocatedAt: 'string', amount: 0, currency, description: 'string', method: 'string', status: 'string' }],
  events: [{ title: 'string', description: 'string', state: 0, occurredAt: '2019-08-24T14:15:22.123Z' }],
  actions: [{ type: 'string', status: 0, comment: 'string', occurredAt: '2019-08-24T14:15:22.123Z' }],
  notes: [{ title: 'string', content: 'string', occuredAt: '2019-08-24T14:15:22.123Z' }],
});

describe('Vettig seed: the six events of invoice 10425', () => {
  const keep = (text: string) => text;
  const { records: events, quarantined } = normalizeVettigEvents('vettig-1', 'SEK', vettigEventsSchema.parse(JSON.parse(vettigSeed)), keep);

  it('become ledger events with exact minor units', () => {
    expect(quarantined).toEqual([]);
    expect(events.map(({ type, date, amount, net, vat, invoiceNumber }) => ({ type, date, amount, net, vat, invoiceNumber }))).toEqual([
      { type: 'financed', date: '2025-01-31', amount: 100000, net: null, vat: null, invoiceNumber: '10425' },
      { type: 'charge', date: '2025-01-31', amount: 900, net: 720, vat: 180, invoiceNumber: '10425' },
      { type: 'charge', date: '2025-01-31', amount: 1950, net: 1560, vat: 390, invoiceNumber: '10425' },
      { type: 'payout', date: '2025-01-31', amount: 97150, net: null, vat: null, invoiceNumber: null },
      { type: 'recourse', date: '2025-03-15', amount: 100000, net: null, vat: null, invoiceNumber: '10425' },
      { type: 'recourse-payment', date: '2025-03-27', amount: 100000, net: null, vat: null, invoiceNumber: '10425' },
    ]);
  });

  it('keep the provider id, record id, currency and raw fields', () => {
    expect(events[1]).toMatchObject({
      kind: 'ledger-event',
      id: 'vettig-1/2be907e0-4beb-4039-b783-8ff4132c01a6',
      providerRef: '2be907e0-4beb-4039-b783-8ff4132c01a6',
      provider: 'vettig',
      currency: 'SEK',
      description: 'Fakturahantering: 10425',
      raw: { type: 'Charge', amount: 9, amountExclVat: 7.2, vat: 1.8, description: 'Fakturahantering: 10425' },
    });
  });

  it('add up: financed minus charges is the payout, charges are net plus VAT', () => {
    const charges = events.filter((event) => event.type === 'charge');
    expect(100000 - sumMinor(charges.map((event) => event.amount))).toBe(97150);
    for (const charge of charges) expect((charge.net ?? 0) + (charge.vat ?? 0)).toBe(charge.amount);
  });

  it('are de-duplicated by id', () => {
    const twice = vettigEventsSchema.parse([...JSON.parse(vettigSeed), ...JSON.parse(vettigSeed)]);
    expect(normalizeVettigEvents('vettig-1', 'SEK', twice, keep).records).toHaveLength(6);
  });
});

describe('Confirma seed: the case example', () => {
  it('parses exactly as documented, occuredAt spelling included', () => {
    const item = confirmaCaseSchema.parse(confirmaSeedCase('SEK'));
    const normalised = normalizeConfirmaCase('confirma-1', item);
    expect(normalised).toMatchObject({
      kind: 'case',
      id: 'confirma-1/0',
      providerRef: '0',
      caseNumber: '0',
      status: 'string',
      stage: 'string',
      agency: 'string',
      creditor: 'string',
      debtor: { name: null, number: null },
      openedAt: '2019-08-24T14:15:22.123Z',
      closedAt: '2019-08-24',
      currency: 'SEK',
      balance: {
        capital: { amount: 0, paid: 0, outstanding: 0 },
        interest: { amount: 0, paid: 0, outstanding: 0 },
        costs: { amount: 0, paid: 0, outstanding: 0 },
        totalOutstanding: 0,
        asOf: '2019-08-24T14:15:22.123Z',
      },
    });
    expect(normalised.invoices[0]).toMatchObject({ invoiceNumber: 'string', distributionChannel: 'POSTNORD', timeline: [{ type: 'string', occurredAt: 'string' }] });
    expect(normalised.payments[0]).toMatchObject({ amount: 0, currency: 'SEK', status: 'string' });
    expect(normalised.entries.map((entry) => [entry.kind, entry.occurredAt])).toEqual([
      ['event', '2019-08-24T14:15:22.123Z'],
      ['action', '2019-08-24T14:15:22.123Z'],
      ['note', '2019-08-24T14:15:22.123Z'],
    ]);
  });

  it('keeps a debtor the case names, and reads an unreadable one as unknown', () => {
    const named = (debtor: unknown) => normalizeConfirmaCase('confirma-1', confirmaCaseSchema.parse({ ...confirmaSeedCase('SEK'), debtor })).debtor;
    expect(named({ name: ' Öberg Bygg AB ', customerNumber: 1042 })).toEqual({ name: 'Öberg Bygg AB', number: '1042' });
    expect(named({ name: 'Oy Kala Ab', organizationNumber: '1234567-8' })).toEqual({ name: 'Oy Kala Ab', number: '1234567-8' });
    expect(named({ name: 42, customerNumber: { nested: true } })).toEqual({ name: null, number: null });
    expect(named(null)).toEqual({ name: null, number: null });
    const inSummary = confirmaSeedCase('SEK');
    const withSummaryDebtor = { ...inSummary, summary: { ...inSummary.summary, debtor: { name: 'Bakkerij de Vries' } } };
    expect(normalizeConfirmaCase('confirma-1', confirmaCaseSchema.parse(withSummaryDebtor)).debtor).toEqual({ name: 'Bakkerij de Vries', number: null });
  });

  it('with its placeholder currency "string" is refused, naming the case and the field', () => {
    const item = confirmaCaseSchema.parse(confirmaSeedCase('string'));
    expect(() => normalizeConfirmaCase('confirma-1', item)).toThrow(/^Confirma case 0, field balance\.capitalAmount: "string" is not an ISO 4217 currency code/);
  });
});

describe('Aptic seed: a list item with the documented fields', () => {
  const page = apticInvoiceListSchema.parse({
    count: 1,
    skip: 0,
    total: 1,
    value: [
      {
        invoiceGuid: '5f0c7a1e-2b1d-4c1a-9d7e-10425aaaaaaa', ledgerType: 'Invoice', clientReferenceNumber: 'RSK-1001', clientName: 'Reskontra Demo AB',
        invoiceNumber: '10425', customerName: 'Acme AB', customerNumber: 'C-17', invoiceDate: '2025-01-31', dueDate: '2025-03-02', daysDue: 120,
        invoiceType: 'Invoice', registrationDate: '2025-01-31', currencyCode: 'SEK', originalPrincipal: 1000, remainingPrincipal: 971.5,
        paidSum: 28.5, remainingSum: 1211.45, service: 'Collection', status: 2 | 4 | 8 | 16, financeStatus: 4, purchasable: 0, purchased: true,
      },
    ],
  });

  it('becomes an invoice with exact amounts, status from the bit flags and financing from financeStatus', () => {
    const item = apticListItemSchema.parse(page.value[0]);
    expect(normalizeApticInvoice('aptic-1', item)).toEqual({
      kind: 'invoice',
      id: 'aptic-1/5f0c7a1e-2b1d-4c1a-9d7e-10425aaaaaaa',
      connectionId: 'aptic-1',
      provider: 'aptic',
      providerRef: '5f0c7a1e-2b1d-4c1a-9d7e-10425aaaaaaa',
      number: '10425',
      customer: { name: 'Acme AB', number: 'C-17' },
      issueDate: '2025-01-31',
      dueDate: '2025-03-02',
      currency: 'SEK',
      total: 100000,
      paid: 2850,
      outstanding: 121145,
      status: 'in-collection',
      financing: 'recoursed',
      raw: { clientReferenceNumber: 'RSK-1001' },
    });
  });
});
