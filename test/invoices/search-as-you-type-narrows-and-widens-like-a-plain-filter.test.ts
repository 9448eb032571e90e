import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { idRanks, inListOrder, matchingRows, rowsWithWords, searchWords, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { createInvoiceFilterCache } from '../../src-renderer/invoices/invoice-filter-cache';
import { positionedRows, rowsOf } from '../../src-renderer/invoices/positioned-rows';
import { compareRows, matchesFilter, totalsByCurrency, type InvoiceFilter, type InvoiceSort } from '../../src-renderer/queries/invoice-filter';
import { toInvoiceRow, type InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from '../support/records';

const today = '2025-06-30';
const customers = ['Åsa Öberg AB', 'Van der Berg B.V.', 'Mäkinen Oy', 'Müller & IJzerman', 'Nilsson Bygg', 'Virtanen Oy', 'Abbe AB', 'vanvan'];
const statuses = ['open', 'overdue', 'paid', 'disputed'] as const;
const sort: InvoiceSort = { column: 'dueDate', direction: 'desc' };

/** Generated rows as the screen's benchmark makes them: numbers, customers, currencies and statuses that repeat. */
function generatedRows(count: number): InvoiceRow[] {
  return Array.from({ length: count }, (_, i) =>
    toInvoiceRow(
      invoice(`c${i % 3}`, String(100_000 + ((i * 7919) % count)), {
        customer: { name: `${customers[i % customers.length]} ${i % 300}`, number: null },
        dueDate: i % 11 === 0 ? null : `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        currency: i % 5 === 0 ? 'EUR' : 'SEK',
        total: 1_000 + (i % 9_000),
        outstanding: i % 4 === 0 ? 0 : 1_000 + (i % 9_000),
        status: statuses[i % statuses.length],
      }),
      today,
    ),
  );
}

const rows = generatedRows(3_000);
// Read in uneven batches, as the cache is: a word can sit in any block, first or last row.
const index = new CompactInvoices(rows.slice(0, 1));
for (const [from, to] of [[1, 999], [999, 1_000], [1_000, 1_777], [1_777, 3_000]] as const) index.append(rows.slice(from, to));
const order = sortedPositions(index, sort, idRanks(index));

/** The plain reference: every row tested on its own, sorted, totalled. */
function reference(filter: InvoiceFilter) {
  const kept = rows.filter((row) => matchesFilter(row, filter, today)).sort(compareRows(sort));
  return { rows: kept, totals: totalsByCurrency(kept) };
}

/** What the screen gets for one keystroke: its rows (through the list it shows) and totals. */
function answered(filterRows: ReturnType<typeof createInvoiceFilterCache>, filter: InvoiceFilter) {
  const answer = filterRows(index, order, filter, today);
  const shown = positionedRows(index.rows, answer.positions);
  expect(shown.length).toBe(answer.count);
  return { rows: [...rowsOf(shown)], totals: answer.totals() };
}

/** Typing `words` one character at a time, then `back` backspaces, as keystrokes: the texts the box holds. */
const typingArb = fc
  .array(
    fc.record({ word: fc.constantFrom('1', '10', '104', '1042', '10425', 'van', 'van d', 'vanvan', 'ö', 'öbe', 'ab', 'oy 2', 'b.v', 'x'), back: fc.integer({ min: 0, max: 6 }) }),
    { minLength: 1, maxLength: 5 },
  )
  .map((steps) => {
    const texts: string[] = [];
    let text = '';
    for (const { word, back } of steps) {
      for (const character of word) texts.push((text += character));
      for (let n = 0; n < back && text !== ''; n++) texts.push((text = text.slice(0, -1)));
    }
    return texts;
  });

describe('search as you type over the compact index', () => {
  it('gives, at every keystroke typed on or backspaced, the rows and totals a plain filter gives', () => {
    fc.assert(
      fc.property(typingArb, fc.constantFrom<InvoiceFilter>({}, { currency: 'EUR' }, { statuses: ['overdue'] }), fc.integer({ min: 1, max: 32 }), (texts, others, limit) => {
        // A small memory too, so backspacing also reaches answers it has forgotten.
        const filterRows = createInvoiceFilterCache(limit);
        // From an empty box: a first character then narrows every row, and its totals are every row's less those it drops.
        for (const text of ['', ...texts]) expect(answered(filterRows, { ...others, text })).toEqual(reference({ ...others, text }));
      }),
      { numRuns: 25 },
    );
  });

  it('finds words among earlier matches exactly as among every row', () => {
    const among = rowsWithWords(index, searchWords('1'), null);
    for (const text of ['10', '104', '1 oy', 'van 1', 'zzz', '1']) {
      const alone = rowsWithWords(index, searchWords(text), null);
      expect(rowsWithWords(index, searchWords(text), among)).toEqual(alone);
      expect([...alone].filter((hit, i) => hit !== (searchWords(text).every((word) => rows[i]!.searchText.includes(word)) ? 1 : 0))).toEqual([]);
    }
  });

  it('finds the same row at a place whichever places the list reads first (the rows in view, then a scroll to the end)', () => {
    const expected = reference({ text: '1' }).rows;
    const shown = positionedRows(index.rows, createInvoiceFilterCache()(index, order, { text: '1' }, today).positions);
    for (const place of [5, 0, expected.length - 1, 300, 17, expected.length, -1]) expect(shown.at(place)).toBe(expected[place]);
    expect(inListOrder(order, matchingRows(index, { text: '1' }, today))).toEqual(Uint32Array.from(rowsOf(shown), (row) => index.rows.indexOf(row)));
  });

  it('answers a longer text that keeps the same rows with the same answer, whose totals are already read', () => {
    const filterRows = createInvoiceFilterCache();
    const every = filterRows(index, order, {}, today);
    // Every number here is 100000 to 102999: each holds "1" and "10", not always "102".
    const one = filterRows(index, order, { text: '1' }, today);
    expect(one).toBe(every);
    expect(filterRows(index, order, { text: '10' }, today)).toBe(every);
    const narrower = filterRows(index, order, { text: '102' }, today);
    expect(narrower).not.toBe(every);
    expect(narrower.count).toBe(reference({ text: '102' }).rows.length);
  });

  it('leaves the earlier answer it narrows from as it was, so backspacing back to it stays right', () => {
    const filterRows = createInvoiceFilterCache();
    const one = filterRows(index, order, { text: '1' }, today);
    const before = one.mask.slice();
    filterRows(index, order, { text: '10' }, today);
    expect(one.mask).toEqual(before);
    expect(filterRows(index, order, { text: '1' }, today)).toBe(one);
  });
});
