import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { idRanks, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { compareRows, sortableColumns, type InvoiceSort } from '../../src-renderer/queries/invoice-filter';
import type { InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { listRowOf } from '../support/list-rows';

const today = '2025-06-30';

/**
 * Amounts of every size: few distinct ones (sorted by buckets), many (compared), ones so large
 * that their difference is not exact, negatives, and the same amount on many rows,
 * so ties fall to the id.
 */
const amountArb = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
  fc.constantFrom(2 ** 45, -(2 ** 45), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 40 + 1),
);

const rowArb: fc.Arbitrary<InvoiceRow> = fc
  .record({
    ref: fc.integer({ min: 1, max: 99_999 }).map(String),
    connection: fc.constantFrom('c1', 'c2', 'c10'),
    customer: fc.constantFrom('Åsa Öberg AB', 'Van der Berg B.V.', 'nilsson', 'Nilsson', ''),
    issueDate: fc.constantFrom(null, '2025-01-05', '1970-01-01', '2025-03-01'),
    dueDate: fc.constantFrom(null, '2025-02-15', '1969-12-31', '2025-06-30', '2099-08-01'),
    currency: fc.constantFrom('SEK', 'EUR'),
    total: amountArb,
    outstanding: amountArb,
    status: fc.constantFrom('open' as const, 'paid' as const, 'draft' as const),
  })
  .map((f) => listRowOf(f, today));

const sortArb: fc.Arbitrary<InvoiceSort> = fc.record({ column: fc.constantFrom(...sortableColumns), direction: fc.constantFrom('asc' as const, 'desc' as const) });

/** Rows with unique ids, in id order with a few moved (as the ledger gives them), or in any order. */
const rowsArb = fc
  .tuple(fc.uniqueArray(rowArb, { selector: (row) => row.id, maxLength: 300 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean())
  .map(([rows, moves, shuffled]) => {
    const ordered = shuffled ? rows : [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const move of moves) if (ordered.length > 1) ordered.push(...ordered.splice(move % ordered.length, 1));
    return ordered;
  });

describe("the list's order from its columns", () => {
  it('is the order comparing the rows gives, for every column and direction, whatever the amounts', () => {
    fc.assert(
      fc.property(rowsArb, sortArb, (rows, sort) => {
        const index = new CompactInvoices(rows);
        const positions = sortedPositions(index, sort, idRanks(index));
        const expected = rows.map((_, at) => at).sort((a, b) => compareRows(sort)(rows[a]!, rows[b]!));
        expect([...positions]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
