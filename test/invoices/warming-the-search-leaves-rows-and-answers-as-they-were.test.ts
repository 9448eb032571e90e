import { describe, expect, it } from 'vitest';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { idRanks, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { createInvoiceFilterCache } from '../../src-renderer/invoices/invoice-filter-cache';
import { positionedRows, rowsOf } from '../../src-renderer/invoices/positioned-rows';
import { warmSearch } from '../../src-renderer/invoices/warm-search';
import { compareRows, matchesFilter, totalsByCurrency, type InvoiceSort } from '../../src-renderer/queries/invoice-filter';
import { toInvoiceRow, type InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from '../support/records';

const today = '2025-06-30';
const sort: InvoiceSort = { column: 'dueDate', direction: 'desc' };
const customers = ['Åsa Öberg AB', 'Van der Berg B.V.', 'Mäkinen Oy'];

function generatedRows(count: number): InvoiceRow[] {
  return Array.from({ length: count }, (_, i) =>
    toInvoiceRow(
      invoice(`c${i % 2}`, String(100_000 + i), {
        customer: { name: `${customers[i % customers.length]} ${i % 50}`, number: null },
        dueDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        currency: i % 3 === 0 ? 'EUR' : 'SEK',
        total: 1_000 + i,
        outstanding: i % 4 === 0 ? 0 : 500 + i,
      }),
      today,
    ),
  );
}

describe('warming the search', () => {
  it('runs searches over a copy of the first rows and leaves the rows, and the answers made after it, as they were', async () => {
    const rows = generatedRows(1_500);
    const before = JSON.stringify(rows);
    // The first row's words typed on a character at a time ("100000", "åsa", "öberg"), walked and from bits.
    let turns = 0;
    expect(await warmSearch(rows, today, async () => void turns++)).toBe(2 * (5 + 3 + 5));
    // A turn for the page after each word.
    expect(turns).toBe(2 * 3);
    expect(JSON.stringify(rows)).toBe(before);

    const index = new CompactInvoices(rows);
    const order = sortedPositions(index, sort, idRanks(index));
    const filterRows = createInvoiceFilterCache();
    for (const text of ['', '1', '10', '100', '1000', '10001', 'å', 'ås', 'åsa', 'ö', 'öb', 'öbe']) {
      const answer = filterRows(index, order, { text }, today);
      const kept = rows.filter((row) => matchesFilter(row, { text }, today)).sort(compareRows(sort));
      expect([...rowsOf(positionedRows(index.rows, answer.positions))]).toEqual(kept);
      expect(answer.totals()).toEqual(totalsByCurrency(kept));
    }
  });

  it('types longer words where the first row has few', async () => {
    // With a bare "7" first, the next row's "100001", "van" and "der" (a word typed up to five characters).
    const rows = generatedRows(20).map((row, i) => (i === 0 ? { ...row, searchText: '7' } : row));
    expect(await warmSearch(rows, today)).toBe(2 * (5 + 3 + 3));
  });

  it('runs nothing over an empty list', async () => {
    expect(await warmSearch([], today)).toBe(0);
  });
});
