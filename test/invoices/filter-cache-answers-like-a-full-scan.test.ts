import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInvoiceFilterCache } from '../../src-renderer/invoices/invoice-filter-cache';
import { matchesFilter, type InvoiceFilter } from '../../src-renderer/queries/invoice-filter';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from '../support/records';

const rows = ['Åsa Öberg AB', 'Van der Berg B.V.', 'Mäkinen Oy', 'Müller & IJzerman', 'Nilsson'].flatMap((customer, c) =>
  Array.from({ length: 40 }, (_, i) => toInvoiceRow(invoice(`c${i % 3}`, String(10_000 + c * 100 + i), { customer: { name: customer, number: null }, currency: i % 2 ? 'SEK' : 'EUR' }), '2025-06-30')),
);

describe('the filter cache of search as you type', () => {
  it('gives exactly what a full scan gives, for any sequence of typing, deleting and filter changes', () => {
    const step = fc.record({
      text: fc.constantFrom('', '1', '10', '100', '1001', 'b', 'be', 'ber', 'berg', 'van', 'van d', 'ö', 'öb', 'ij', 'MÄK', 'mäk '),
      currency: fc.constantFrom(undefined, 'SEK', 'EUR'),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const filterRows = createInvoiceFilterCache(4);
        for (const { text, currency } of steps) {
          const filter: InvoiceFilter = { text, ...(currency ? { currency } : {}) };
          const expected = rows.filter((row) => matchesFilter(row, filter, '2025-06-30'));
          expect(filterRows(rows, filter, '2025-06-30')).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('starts over when the list itself changes', () => {
    const filterRows = createInvoiceFilterCache();
    expect(filterRows(rows, { text: 'berg' }, '2025-06-30').length).toBeGreaterThan(0);
    expect(filterRows(rows.slice(0, 5), { text: 'berg' }, '2025-06-30')).toEqual(rows.slice(0, 5).filter((row) => row.searchText.includes('berg')));
  });
});
