import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../../src-shared/domain/records';
import { invoiceHistory, loadInvoiceRows } from '../../src-renderer/queries/cache-queries';
import {
  compareRows,
  matchesFilter,
  sortableColumns,
  totalsByCurrency,
  type InvoiceFilter,
} from '../../src-renderer/queries/invoice-filter';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';
import { storeInvoices } from '../support/cached-invoices';

const today = '2025-03-01';
const statuses: InvoiceStatus[] = ['open', 'overdue', 'paid', 'credited', 'disputed', 'in-collection'];

const invoiceArb = fc
  .record({
    ref: fc.integer({ min: 1, max: 99_999 }).map(String),
    connection: fc.constantFrom('c1', 'c2', 'c3'),
    customer: fc.constantFrom('Åsa Öberg AB', 'Van der Berg B.V.', 'Mäkinen Oy', 'Müller & IJzerman', 'Nilsson'),
    issueDay: fc.integer({ min: 1, max: 28 }),
    dueMonth: fc.integer({ min: 1, max: 5 }),
    currency: fc.constantFrom('SEK', 'EUR'),
    total: fc.integer({ min: -50_000, max: 5_000_000 }),
    paidShare: fc.integer({ min: 0, max: 100 }),
    status: fc.constantFrom(...statuses),
  })
  .map((f) => {
    const paid = Math.trunc((f.total * f.paidShare) / 100);
    return invoice(f.connection, f.ref, {
      number: f.ref,
      customer: { name: f.customer, number: null },
      issueDate: `2025-01-${String(f.issueDay).padStart(2, '0')}`,
      dueDate: `2025-0${f.dueMonth}-15`,
      currency: f.currency,
      total: f.total,
      paid,
      outstanding: f.total - paid,
      status: f.status,
    });
  });

const filterArb: fc.Arbitrary<InvoiceFilter> = fc.record(
  {
    text: fc.constantFrom('', 'åsa', 'BERG', 'oy', '12', 'ij'),
    connectionIds: fc.subarray(['c1', 'c2', 'c3']),
    statuses: fc.subarray(statuses),
    currency: fc.constantFrom('SEK', 'EUR'),
    problems: fc.boolean(),
    issuedFrom: fc.constantFrom('2025-01-05', '2025-01-20'),
    issuedTo: fc.constantFrom('2025-01-10', '2025-01-28'),
  },
  { requiredKeys: [] },
);

describe('invoice queries', () => {
  it('filter, sort and totals equal a plain reference computation', () => {
    fc.assert(
      fc.property(fc.uniqueArray(invoiceArb, { selector: (i) => i.id, maxLength: 60 }), filterArb, fc.constantFrom(...sortableColumns), fc.boolean(), (invoices, filter, column, asc) => {
        const rows = invoices.map((inv) => toInvoiceRow(inv, today));
        // The status words as written down (src-shared/ledger/invoice-status.ts), worked out here again.
        const meaning = (inv: (typeof invoices)[number]): InvoiceStatus =>
          inv.status !== 'open' && inv.status !== 'overdue' ? inv.status : inv.outstanding <= 0 ? 'paid' : inv.dueDate! < today ? 'overdue' : 'open';
        const got = rows.filter((row) => matchesFilter(row, filter, today)).sort(compareRows({ column, direction: asc ? 'asc' : 'desc' }));

        const expected = invoices.filter((inv) => {
          if (filter.connectionIds?.length && !filter.connectionIds.includes(inv.connectionId)) return false;
          if (filter.statuses?.length && !filter.statuses.includes(meaning(inv))) return false;
          if (filter.currency && inv.currency !== filter.currency) return false;
          // A provider's own record never disagrees with itself.
          if (filter.problems) return false;
          if (filter.issuedFrom && inv.issueDate! < filter.issuedFrom) return false;
          if (filter.issuedTo && inv.issueDate! > filter.issuedTo) return false;
          const haystack = `${inv.number} ${inv.customer.name}`.toLowerCase();
          return !filter.text || filter.text.toLowerCase().split(/\s+/).every((w) => haystack.includes(w));
        });
        expect(got.map((r) => r.id).sort()).toEqual(expected.map((i) => i.id).sort());
        for (let i = 1; i < got.length; i++) {
          const a = got[i - 1]![column];
          const b = got[i]![column];
          if (typeof a === 'number' && typeof b === 'number') expect(asc ? a <= b : a >= b).toBe(true);
        }

        for (const totals of totalsByCurrency(got)) {
          const same = expected.filter((i) => i.currency === totals.currency);
          expect(totals.count).toBe(same.length);
          expect(totals.total).toBe(same.reduce((s, i) => s + i.total, 0));
          expect(totals.outstanding).toBe(same.reduce((s, i) => s + i.outstanding, 0));
          expect(totals.overdue).toBe(same.filter((i) => meaning(i) === 'overdue').reduce((s, i) => s + i.outstanding, 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads all rows in chunks, each row exactly once', async () => {
    const { db } = memoryCache();
    const all = Array.from({ length: 4_321 }, (_, i) =>
      invoice('c1', String(i).padStart(5, '0'), { dueDate: `2025-0${(i % 9) + 1}-1${i % 10}` }),
    );
    await storeInvoices(db, all.map((inv) => ({ ...inv, stream: 'invoices' as const, generation: 0 })));
    expect((await loadInvoiceRows(db, today)).length).toBe(4_321);

    expect(new Set((await loadInvoiceRows(db, today)).map((row) => row.id)).size).toBe(4_321);
  });

  it('finds one invoice’s history across providers by its number, within one organisation', async () => {
    const { db } = memoryCache();
    const origin = (stream: 'invoices' | 'events' | 'cases') => ({ stream, generation: 0 });
    await storeInvoices(db, [
      { ...invoice('aptic', 'g1', { number: '10425' }), ...origin('invoices') },
      { ...invoice('flowtly', '77', { number: '10425', provider: 'flowtly' }), ...origin('invoices') },
      { ...invoice('other-business', 'x', { number: '10425' }), ...origin('invoices') },
      { ...invoice('aptic', 'g2', { number: '10426' }), ...origin('invoices') },
    ]);
    await db.events.bulkPut([
      { ...ledgerEvent('vettig', 'e2', { date: '2025-03-15', type: 'recourse' }), ...origin('events') },
      { ...ledgerEvent('vettig', 'e1', { date: '2025-01-31' }), ...origin('events') },
      { ...ledgerEvent('vettig', 'e3', { invoiceNumber: null, type: 'payout' }), ...origin('events') },
    ]);
    await db.cases.put({ ...collectionCase('confirma', 'k1', ['10425', '10500']), ...origin('cases'), invoiceNumbers: ['10425', '10500'] });

    const history = await invoiceHistory(db, '10425', ['aptic', 'flowtly', 'vettig', 'confirma']);
    expect(history.invoices.map((i) => i.id).sort()).toEqual(['aptic/g1', 'flowtly/77']);
    expect(history.events.map((e) => e.id)).toEqual(['vettig/e1', 'vettig/e2']);
    expect(history.cases.map((c) => c.id)).toEqual(['confirma/k1']);
  });
});
