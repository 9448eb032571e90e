import { describe, expect, it } from 'vitest';
import type { CachedCase, CachedEvent, CachedInvoice } from '../../src-renderer/db/cache-database';
import { caseInvoiceNumbers } from '../../src-renderer/db/schema-versions';
import { buildStatement } from '../../src-renderer/statements/build-statement';
import { buildInvoiceList } from '../../src-renderer/statements/invoice-list-statement';
import type { ReconciliationProblem } from '../../src-renderer/statements/statement';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';
import { storeInvoices } from '../support/cached-invoices';

const origin = { stream: 'events', generation: 0 } as const;
const codes = (problems: readonly ReconciliationProblem[]) => problems.map(({ code, subject }) => `${code} ${subject}`);

async function cacheWith(records: { invoices?: CachedInvoice[]; events?: CachedEvent[]; cases?: CachedCase[] }) {
  const { db } = memoryCache();
  await storeInvoices(db, records.invoices ?? []);
  await db.events.bulkPut(records.events ?? []);
  await db.cases.bulkPut(records.cases ?? []);
  return db;
}

function cachedCase(ref: string, fields: Partial<CachedCase> = {}): CachedCase {
  const record = { ...collectionCase('confirma-1', ref, [`9${ref}`]), ...fields };
  return { ...record, ...origin, stream: 'cases', invoiceNumbers: caseInvoiceNumbers(record) };
}

describe('a statement that does not add up says so, and still exports every row', () => {
  it('collection: paid + outstanding ≠ amount, parts ≠ total outstanding, foreign payments, bad allocations, unknown cases', async () => {
    const part = (amount: number, paid: number, outstanding: number) => ({ amount, paid, outstanding });
    const db = await cacheWith({
      cases: [
        cachedCase('1', {
          balance: { capital: part(100_00, 40_00, 50_00), interest: part(5_00, 0, 5_00), costs: part(0, 0, 0), totalOutstanding: 60_00, asOf: null },
          payments: [{ invoiceNumber: '91', bankPaymentDate: '2025-03-01', allocatedAt: null, amount: 10_00, currency: 'EUR', description: null, method: null, status: null }],
        }),
        cachedCase('2', { balance: { capital: part(10_00, 10_00, 0), interest: part(0, 0, 0), costs: part(0, 0, 0), totalOutstanding: 0, asOf: null } }),
      ],
      events: [
        { ...ledgerEvent('confirma-1', 'allocation-A', { provider: 'confirma', type: 'settlement-allocation', caseRef: '2', amount: 10_00, breakdown: { capital: 9_00, interest: 0, fees: 0 } }), ...origin },
        { ...ledgerEvent('confirma-1', 'allocation-B', { provider: 'confirma', type: 'settlement-allocation', caseRef: '77', amount: 5_00, breakdown: { capital: 5_00, interest: 0, fees: 0 } }), ...origin },
      ],
    });
    const statement = await buildStatement(db, { kind: 'collection', language: 'en', today: '2025-06-30' });
    expect(codes(statement.problems)).toEqual([
      'case-part 1',
      'case-outstanding 1',
      'payment-currency 1',
      'allocation-breakdown allocation-A',
      'allocation-without-case allocation-B',
    ]);
    expect(statement.problems[0]!.message).toBe('Case 1, Capital: paid 40.00 SEK plus outstanding 50.00 SEK is not the amount 100.00 SEK.');
    expect(new Set(statement.problems.map((problem) => problem.severity))).toEqual(new Set(['mismatch']));
    // 3 balance lines and 1 payment for case 1, 3 lines and 1 allocation for case 2, the orphan
    // allocation: the case totals are in the summary, not among the rows.
    expect(statement.rowCount).toBe(9);
  });

  it('factoring: charges whose net and VAT do not make the amount, or have no split, and mixed currencies', async () => {
    const db = await cacheWith({
      events: [
        { ...ledgerEvent('vettig-1', 'c1', { type: 'charge', amount: 9_00, net: 7_20, vat: 1_70 }), ...origin },
        { ...ledgerEvent('vettig-1', 'c2', { type: 'charge', amount: 5_00 }), ...origin },
        { ...ledgerEvent('vettig-1', 'f1', { type: 'financed', currency: 'EUR' }), ...origin },
      ],
    });
    const statement = await buildStatement(db, { kind: 'factoring', connectionId: 'vettig-1', from: '2025-01-01', to: '2025-01-31', language: 'sv', connectionLabels: new Map() });
    expect(codes(statement.problems)).toEqual(['mixed-currencies EUR SEK', 'charge-split c1', 'charge-without-split c2']);
    expect(statement.problems[1]!.message).toBe('Avgift c1 den 2025-01-31: netto 7,20 SEK plus moms 1,70 SEK är inte beloppet 9,00 SEK.');
    expect(statement.totals.filter((total) => total.label === 'Utgående saldo').map(({ currency, minor }) => [currency, minor])).toEqual([
      ['EUR', 1000_00],
      ['SEK', -14_00],
    ]);
  });

  it('invoice list: totals per currency, never across', async () => {
    const db = await cacheWith({
      invoices: [
        { ...invoice('aptic-1', '1', { total: 100_00, outstanding: 100_00 }), stream: 'invoices', generation: 0 },
        { ...invoice('aptic-1', '2', { currency: 'EUR', total: 50_00, outstanding: 50_00 }), stream: 'invoices', generation: 0 },
        // Back to SEK after EUR in the list's order: its sums must pick up where they were.
        { ...invoice('aptic-1', '3', { total: 30_00, outstanding: 30_00 }), stream: 'invoices', generation: 0 },
      ],
    });
    const statement = await buildStatement(db, { kind: 'invoices', filter: {}, sort: { column: 'number', direction: 'asc' }, today: '2025-06-30', language: 'en', connectionLabels: new Map() });
    expect(codes(statement.problems)).toEqual(['mixed-currencies EUR SEK']);
    // Not a mismatch: the figures agree, they just cannot make one total.
    expect(statement.problems[0]!.severity).toBe('notice');
    expect(statement.totals.filter((total) => total.label === 'Amount').map(({ currency, minor }) => [currency, minor])).toEqual([
      ['EUR', 50_00],
      ['SEK', 130_00],
    ]);
  });

  it('invoice history: providers that disagree on the amount, and an invoice nobody holds', async () => {
    const db = await cacheWith({
      invoices: [
        { ...invoice('aptic-1', '10425', { total: 1000_00 }), stream: 'invoices', generation: 0 },
        { ...invoice('flowtly-1', '10425', { provider: 'flowtly', total: 999_00 }), stream: 'invoices', generation: 0 },
      ],
    });
    const history = await buildStatement(db, { kind: 'invoice-history', invoiceNumber: '10425', language: 'en', connectionLabels: new Map() });
    expect(history.problems.map((problem) => problem.message)).toEqual(['The providers disagree about invoice 10425: Flowtly 999.00 SEK, Aptic 1000.00 SEK.']);
    const missing = await buildStatement(db, { kind: 'invoice-history', invoiceNumber: '1', language: 'nl', connectionLabels: new Map() });
    expect(missing.problems.map((problem) => problem.message)).toEqual(['Er staat geen factuur met nummer 1 in de offline cache.']);
  });

  it('invoice list: each invoice whose providers disagree, once, in the list\'s order, beside the totals of every row', async () => {
    const both = (number: string, aptic: number, flowtly: number) => [
      { ...invoice('aptic-1', number, { total: aptic, outstanding: aptic }), stream: 'invoices' as const, generation: 0 },
      { ...invoice('flowtly-1', number, { provider: 'flowtly', total: flowtly, outstanding: flowtly }), stream: 'invoices' as const, generation: 0 },
    ];
    const db = await cacheWith({
      invoices: [...both('10425', 1000_00, 999_00), ...both('10426', 50_00, 50_00), ...both('10424', 20_00, 25_00)],
    });
    const list = await buildInvoiceList(db, { filter: {}, sort: { column: 'number', direction: 'asc' }, today: '2025-06-30', language: 'en', connectionLabels: new Map() });
    expect(list.rowCount).toBe(3);
    expect(list.problems.map((problem) => problem.message)).toEqual([
      'The providers disagree about invoice 10424: Amount: Aptic 20.00 SEK, Flowtly 25.00 SEK; Outstanding: Aptic 20.00 SEK, Flowtly 25.00 SEK.',
      'The providers disagree about invoice 10425: Amount: Aptic 1000.00 SEK, Flowtly 999.00 SEK; Outstanding: Aptic 1000.00 SEK, Flowtly 999.00 SEK.',
    ]);
  });
});
