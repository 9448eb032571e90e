import { describe, expect, it } from 'vitest';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import type { CaseFacts, InvoiceFacts } from '../../src-shared/ledger/ledger-source';
import type { CachedEvent } from '../../src-renderer/db/cache-database';
import { paymentsOnce } from '../../src-renderer/queries/customer-detail';
import { compareCustomers, customerRows, customerTotals, filterCustomers, type CustomerRow } from '../../src-renderer/queries/customer-rows';
import { invoicePredicate, noCustomerKey, totalsByCurrency } from '../../src-renderer/queries/invoice-filter';
import { entryRow } from '../../src-renderer/queries/invoice-row';
import { ledgerEvent } from '../support/records';

const today = '2025-06-30';

function invoice(id: string, fields: Partial<InvoiceFacts>): InvoiceFacts {
  return {
    id,
    connectionId: id.split('/')[0]!,
    provider: id.startsWith('a/') ? 'aptic' : 'flowtly',
    number: '1',
    issueDate: '2025-05-01',
    dueDate: '2025-05-31',
    currency: 'SEK',
    total: 0,
    paid: 0,
    outstanding: 0,
    status: 'open',
    financing: 'own-ledger',
    customerName: null,
    customerNumber: null,
    credits: null,
    ...fields,
  };
}

const oberg = { customerName: 'Öberg Bygg AB' };
const invoices: InvoiceFacts[] = [
  // One invoice held by the issuer and the servicer: counted once (customer numbers differ per provider).
  invoice('f/1', { number: '10500', total: 32_195_00, outstanding: 32_195_00, ...oberg, customerNumber: '7' }),
  invoice('a/1', { number: '10500', total: 32_195_00, outstanding: 32_195_00, status: 'overdue', ...oberg, customerNumber: 'K1007' }),
  // Another spelling of the same name, not yet due.
  invoice('a/2', { number: '10501', total: 1_000_00, outstanding: 1_000_00, dueDate: '2025-07-15', customerName: ' öberg  bygg ab ' }),
  // Euro, in an open collection case: in collection, so owed but not overdue.
  invoice('a/3', { number: '10502', currency: 'EUR', total: 500_00, outstanding: 500_00, status: 'overdue', ...oberg }),
  invoice('a/4', { number: '10503', currency: 'EUR', total: 200_00, paid: 200_00, outstanding: 0, status: 'paid', customerName: 'Bakkerij de Vries' }),
  // Nobody named: still counted, under "no customer named".
  invoice('f/5', { number: '10505', total: 300_00, outstanding: 300_00 }),
];

function collectionCase(id: string, invoiceNumber: string, fields: Partial<CaseFacts>): CaseFacts {
  return {
    id,
    connectionId: 'c',
    provider: 'confirma',
    caseNumber: id.slice(2),
    open: true,
    currency: 'EUR',
    invoices: [{ invoiceNumber, invoiceDate: '2025-03-01', dueDate: '2025-03-31', capitalAmount: 500_00, capitalPaid: 0, interestAmount: 10_00, interestPaid: 0 }],
    costs: { amount: 20_00, paid: 0, outstanding: 20_00 },
    debtor: { name: null, number: null },
    ...fields,
  };
}

const cases: CaseFacts[] = [
  collectionCase('c/500002', '10502', {}),
  // An invoice only a case knows, to a debtor the case names.
  collectionCase('c/500004', '10504', { currency: 'SEK', debtor: { name: 'Kala Oy', number: 'D-9' } }),
];

const entries = joinLedger({ invoices, cases, financing: [] }, today);
const rows = customerRows(entries);
const byName = (name: string | null) => rows.find((row) => row.name === name)!;

describe('per-customer totals', () => {
  it('are each customer\'s invoices, once, per currency, worked out by hand', () => {
    expect(rows.map((row) => row.key).sort()).toEqual([noCustomerKey, 'bakkerij de vries', 'kala oy', 'öberg bygg ab']);
    expect(byName('Öberg Bygg AB')).toMatchObject({
      key: 'öberg bygg ab',
      invoiceCount: 3,
      totals: [
        // 10502: capital 500.00 + interest 10.00 + the case's costs 20.00 (its only invoice); the case gives no total.
        { currency: 'EUR', count: 1, total: 500_00, outstanding: 530_00, overdue: 0, overdueCount: 0, openCases: 1 },
        // 10500 once (32,195.00, overdue) + 10501 (1,000.00, due in July).
        { currency: 'SEK', count: 2, total: 33_195_00, outstanding: 33_195_00, overdue: 32_195_00, overdueCount: 1, openCases: 0 },
      ],
    });
    expect(byName('Bakkerij de Vries').totals).toEqual([{ currency: 'EUR', count: 1, total: 200_00, outstanding: 0, overdue: 0, overdueCount: 0, openCases: 0 }]);
    expect(byName('Kala Oy').totals).toEqual([{ currency: 'SEK', count: 1, total: 0, outstanding: 530_00, overdue: 0, overdueCount: 0, openCases: 1 }]);
    expect(byName(null)).toMatchObject({ key: noCustomerKey, totals: [{ currency: 'SEK', outstanding: 300_00, overdue: 300_00 }] });
  });

  it('add up, over every customer, to the Dashboard\'s figures for the whole ledger', () => {
    const ledger = entries.map((entry) => entryRow(entry, () => undefined));
    const { openCases: _eur, ...eur } = customerTotals(rows)[0]!;
    const { openCases: _sek, ...sek } = customerTotals(rows)[1]!;
    expect([eur, sek]).toEqual(totalsByCurrency(ledger));
    expect(customerTotals(rows).map(({ currency, outstanding, openCases }) => [currency, outstanding, openCases])).toEqual([
      ['EUR', 530_00, 1],
      ['SEK', 33_195_00 + 530_00 + 300_00, 1],
    ]);
  });

  it('are what the Invoices list filtered to the customer totals', () => {
    const ledger = entries.map((entry) => entryRow(entry, () => undefined));
    for (const row of rows) {
      const listed = ledger.filter(invoicePredicate({ customer: row.key }, today));
      expect(totalsByCurrency(listed), row.key).toEqual(row.totals.map(({ openCases: _, ...totals }) => totals));
    }
  });

  it('narrow to one currency when one is chosen, and sort by it alone', () => {
    const eur = filterCustomers(rows, { text: '', currency: 'EUR' });
    expect(eur.map((row) => [row.name, row.invoiceCount, row.totals.map((line) => line.currency)])).toEqual([
      ['Öberg Bygg AB', 1, ['EUR']],
      ['Bakkerij de Vries', 1, ['EUR']],
    ]);
    expect(filterCustomers(rows, { text: 'BYGG öb', currency: '' }).map((row) => row.name)).toEqual(['Öberg Bygg AB']);
  });

  it('sort currency by currency, never adding them', () => {
    const order = (column: 'name' | 'outstanding' | 'overdue', direction: 'asc' | 'desc') =>
      [...rows].sort(compareCustomers(column, direction, ['EUR', 'SEK'])).map((row: CustomerRow) => row.name);
    // EUR first: Öberg owes EUR 530.00, Kala Oy nothing in EUR but SEK 530.00, the unnamed SEK 300.00.
    expect(order('outstanding', 'desc')).toEqual(['Öberg Bygg AB', 'Kala Oy', null, 'Bakkerij de Vries']);
    expect(order('name', 'asc')).toEqual(['Bakkerij de Vries', 'Kala Oy', 'Öberg Bygg AB', null]);
    expect(order('name', 'desc')).toEqual(['Öberg Bygg AB', 'Kala Oy', 'Bakkerij de Vries', null]);
  });
});

describe('a customer\'s payments', () => {
  it('come once per invoice: from its best-ranked source that books any', () => {
    const payment = (id: string, connectionId: string, invoiceNumber: string, amount: number, type: CachedEvent['type'] = 'payment') => {
      const currency = invoiceNumber === '10500' ? 'SEK' : 'EUR';
      return { ...ledgerEvent(connectionId, id, { type, invoiceNumber, amount, currency, date: '2025-06-01' }), stream: 'payments', generation: 1 } as CachedEvent;
    };
    const oberg = entries.filter((entry) => entry.customerKey === 'öberg bygg ab');
    const events = [
      payment('p1', 'f', '10500', 100_00), // the issuer's copy of the servicer's payment: left out
      payment('p2', 'a', '10500', 100_00),
      payment('p3', 'c', '10502', 50_00, 'settlement-allocation'), // the agency holds 10502
      payment('p4', 'a', '10502', 25_00),
      payment('p5', 'a', '10503', 200_00), // another customer's invoice
      payment('p6', 'a', '10500', 5_00, 'charge'),
    ];
    expect(paymentsOnce(oberg, events).map((event) => event.providerRef)).toEqual(['p2', 'p3']);
  });
});
