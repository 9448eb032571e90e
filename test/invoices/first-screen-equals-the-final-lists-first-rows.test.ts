import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { idRanks, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { firstRowsOf } from '../../src-renderer/invoices/first-screen';
import { createInvoiceFilterCache } from '../../src-renderer/invoices/invoice-filter-cache';
import { positionedRows, rowsOf } from '../../src-renderer/invoices/positioned-rows';
import { compareRows, invoicePredicate, sortableColumns, type InvoiceFilter, type InvoiceSort } from '../../src-renderer/queries/invoice-filter';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from '../support/records';

const today = '2025-06-30';

/** Few distinct values per field, so most rows tie on the sort column and the id decides. */
const rowsArb = fc.uniqueArray(
  fc.record({
    ref: fc.integer({ min: 1, max: 9_999 }).map(String),
    connection: fc.constantFrom('c1', 'c2'),
    customer: fc.constantFrom('Åsa Öberg AB', 'Mäkinen Oy', null),
    dueDate: fc.constantFrom(null, '2025-04-01', '2025-06-29', '2025-08-01'),
    currency: fc.constantFrom('SEK', 'EUR'),
    outstanding: fc.integer({ min: 0, max: 3 }).map((n) => n * 1_000),
  }),
  { selector: ({ connection, ref }) => `${connection}/${ref}`, maxLength: 300 },
).map((picked) =>
  picked.map(({ ref, connection, customer, dueDate, currency, outstanding }) =>
    toInvoiceRow(invoice(connection, ref, { number: ref, customer: { name: customer, number: `K${ref}` }, dueDate, currency, outstanding, total: outstanding }), today),
  ),
);

const filterArb: fc.Arbitrary<InvoiceFilter> = fc.constantFrom({}, { currency: 'EUR' }, { text: 'öberg' }, { text: '1' }, { statuses: ['overdue'] }, { connectionIds: ['c2'] });
const sortArb: fc.Arbitrary<InvoiceSort> = fc.record({ column: fc.constantFrom(...sortableColumns), direction: fc.constantFrom('asc' as const, 'desc' as const) });

describe('the first screen shown before the list is built', () => {
  it('is the first rows of the list the screen shows once built, for any filter and sort', () => {
    fc.assert(
      fc.property(rowsArb, filterArb, sortArb, fc.integer({ min: 1, max: 40 }), (rows, filter, sort, count) => {
        const early = firstRowsOf(rows, invoicePredicate(filter, today), compareRows(sort), count);
        const built = new CompactInvoices(rows);
        const { positions } = createInvoiceFilterCache()(built, sortedPositions(built, sort, idRanks(built)), filter, today);
        expect(early).toEqual([...rowsOf(positionedRows(built.rows, positions))].slice(0, count));
      }),
      { numRuns: 300 },
    );
  });
});
