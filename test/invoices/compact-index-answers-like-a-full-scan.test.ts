import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../../src-shared/domain/records';
import { agingBuckets } from '../../src-shared/ledger/invoice-status';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { compactTotals, idRanks, narrowedTotals, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { createInvoiceFilterCache } from '../../src-renderer/invoices/invoice-filter-cache';
import { positionedRows, rowsOf } from '../../src-renderer/invoices/positioned-rows';
import { compareRows, matchesFilter, noCustomerKey, sortableColumns, totalsByCurrency, type InvoiceFilter, type InvoiceSort } from '../../src-renderer/queries/invoice-filter';
import { toInvoiceRow, type InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { listRowOf } from '../support/list-rows';
import { invoice } from '../support/records';

const today = '2025-06-30';
const statuses: InvoiceStatus[] = ['open', 'overdue', 'paid', 'credited', 'disputed', 'in-collection', 'draft'];
const customers = ['Åsa Öberg AB', 'Van der Berg B.V.', 'Mäkinen Oy', 'Müller & IJzerman', 'nilsson', 'Nilsson', ''];

const rowArb: fc.Arbitrary<InvoiceRow> = fc
  .record({
    ref: fc.integer({ min: 1, max: 99_999 }).map(String),
    connection: fc.constantFrom('c1', 'c2', 'c3'),
    customer: fc.constantFrom(...customers),
    issueDate: fc.constantFrom(null, '2025-01-05', '2025-01-20', '2025-03-01'),
    dueDate: fc.constantFrom(null, '2025-02-15', '2025-04-01', '2025-04-15', '2025-05-01', '2025-05-20', '2025-05-31', '2025-06-29', '2025-06-30', '2025-08-01'),
    currency: fc.constantFrom('SEK', 'EUR', 'NOK'),
    total: fc.integer({ min: -50_000, max: 5_000_000 }),
    outstanding: fc.integer({ min: -1_000, max: 5_000_000 }),
    status: fc.constantFrom(...statuses),
    problems: fc.constantFrom(0, 0, 2),
    financing: fc.constantFrom('own-ledger', 'factored', 'unknown'),
  })
  .map((f) => ({ ...listRowOf(f, today), problems: f.problems }));

const filterFields = fc.record({
    text: fc.constantFrom('', '1', '12', '123', 'b', 'berg', 'van d', 'ö', 'öb', 'ij', 'MÄK', 'k1', 'nils son'),
    connectionIds: fc.subarray(['c1', 'c2', 'c9']),
    statuses: fc.subarray(statuses),
    currency: fc.constantFrom('SEK', 'EUR', 'DKK'),
    problems: fc.boolean(),
    issuedFrom: fc.constantFrom('2025-01-05', '2025-01-20'),
    issuedTo: fc.constantFrom('2025-01-10', '2025-03-01'),
    aging: fc.constantFrom(...agingBuckets),
    customer: fc.constantFrom(noCustomerKey, 'nilsson', 'åsa öberg ab', 'nobody'),
});

/** At most two conditions at once, so most filters keep some rows. */
const filterArb: fc.Arbitrary<InvoiceFilter> = fc
  .tuple(filterFields, fc.subarray(['text', 'text', 'connectionIds', 'statuses', 'currency', 'problems', 'issuedFrom', 'issuedTo', 'aging', 'customer'] as const, { maxLength: 2 }))
  .map(([fields, keys]) => Object.fromEntries(keys.map((key) => [key, fields[key]])) as InvoiceFilter);

const sortArb: fc.Arbitrary<InvoiceSort> = fc.record({ column: fc.constantFrom(...sortableColumns), direction: fc.constantFrom('asc' as const, 'desc' as const) });

/** Rows with unique ids, as a list holds them. */
const rowsArb = fc.uniqueArray(rowArb, { selector: (row) => row.id, maxLength: 120 });

describe('the compact invoice index', () => {
  it('sorts, filters and totals exactly as the row filter does, for any sequence of typing and filter changes', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 120 }), sortArb, fc.array(filterArb, { minLength: 1, maxLength: 12 }), (rows, split, sort, filters) => {
        // Built in two batches, as the rows arrive while the cache is read.
        const index = new CompactInvoices(rows.slice(0, split));
        index.append(rows.slice(split));
        const order = sortedPositions(index, sort, idRanks(index));
        const filterRows = createInvoiceFilterCache(4);
        for (const filter of filters) {
          const expected = rows.filter((row) => matchesFilter(row, filter, today)).sort(compareRows(sort));
          const answer = filterRows(index, order, filter, today);
          expect([...rowsOf(positionedRows(index.rows, answer.positions))]).toEqual(expected);
          expect(answer.count).toBe(expected.length);
          expect(compactTotals(index, answer.mask)).toEqual(totalsByCurrency(expected));
          expect(answer.totals()).toEqual(totalsByCurrency(expected));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('types on from a shorter search and back, giving what a full scan gives', () => {
    const rows = customers.flatMap((customer, c) =>
      Array.from({ length: 40 }, (_, i) => toInvoiceRow(invoice(`c${i % 3}`, String(10_000 + c * 100 + i), { customer: { name: customer || null, number: 'K1' } }), today)),
    );
    const index = new CompactInvoices(rows);
    const order = sortedPositions(index, { column: 'number', direction: 'asc' }, idRanks(index));
    const filterRows = createInvoiceFilterCache();
    for (const text of ['b', 'be', 'ber', 'berg', 'ber', 'v', 'va', 'van', 'van d', 'van de', '', '1', '10', '101', '1012', '10']) {
      const expected = rows.filter((row) => matchesFilter(row, { text }, today)).sort(compareRows({ column: 'number', direction: 'asc' }));
      expect([...rowsOf(positionedRows(index.rows, filterRows(index, order, { text }, today).positions))]).toEqual(expected);
    }
  });

  it("totals a narrowed answer from the wider one's totals as adding its own rows up does", () => {
    const maskArb = (length: number) => fc.array(fc.constantFrom(0, 1), { minLength: length, maxLength: length }).map((bits) => Uint8Array.from(bits));
    const caseArb = rowsArb.chain((rows) => fc.tuple(fc.constant(rows), maskArb(rows.length), maskArb(rows.length), fc.integer({ min: 0, max: 3 })));
    fc.assert(
      fc.property(caseArb, ([rows, wider, narrowing, offset]) => {
        // A mask at an offset too (not on a 4-byte boundary), as a view into a larger buffer can be.
        const at = (mask: Uint8Array) => {
          const view = new Uint8Array(new ArrayBuffer(mask.length + offset), offset, mask.length);
          view.set(mask);
          return view;
        };
        const index = new CompactInvoices(rows);
        const kept = at(wider.map((bit, i) => bit & narrowing[i]!));
        const count = (mask: Uint8Array) => mask.reduce((sum, bit) => sum + bit, 0);
        const widerRows = { mask: at(wider), count: count(wider) };
        const expected = totalsByCurrency(rows.filter((_, i) => kept[i]));
        expect(narrowedTotals(index, { mask: kept, count: count(kept) }, widerRows, compactTotals(index, widerRows.mask))).toEqual(expected);
        expect(compactTotals(index, kept)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a total that would leave the range a float holds exactly, as every other total does', () => {
    const huge = (ref: string) => toInvoiceRow(invoice('c1', ref, { total: 2 ** 52, outstanding: 0, status: 'paid' }), today);
    const index = new CompactInvoices([huge('1'), huge('2'), huge('3')]);
    expect(() => compactTotals(index, Uint8Array.of(1, 1, 1))).toThrow(RangeError);
  });
});
