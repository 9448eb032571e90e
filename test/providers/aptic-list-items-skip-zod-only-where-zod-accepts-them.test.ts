import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apticListItemSchema, plainApticListItem } from '../../src-main/providers/aptic/schema';

// The hot path reads a list item without zod's copy only when the schema would accept it too, and
// then sees the same values the schema hands on: a wrong field always goes to the schema, for its reason.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 4 }),
  fc.constant(''),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0, 1.5),
  fc.constant({}),
  fc.constant([]),
);
const fields = Object.keys(apticListItemSchema.shape);
const valid = {
  invoiceGuid: 'g-1', ledgerType: 'Invoice', clientReferenceNumber: 'RSK-1', clientName: 'Demo', invoiceNumber: '10425', customerName: 'Acme', customerNumber: 'C-1',
  invoiceDate: '2025-01-31', dueDate: '2025-03-02', daysDue: 3, invoiceType: 'Invoice', registrationDate: '2025-01-31', currencyCode: 'SEK', originalPrincipal: 1000,
  remainingPrincipal: '971.50', paidSum: 28.5, remainingSum: 971.5, service: 'x', status: 14, financeStatus: 0, purchasable: 1, purchased: false, disputed: false,
};
// A valid item with some of its fields (or an extra one) replaced by any value, or dropped.
const item = fc
  .record({ changes: fc.array(fc.tuple(fc.constantFrom(...fields, 'extra'), anyValue, fc.boolean()), { maxLength: 4 }) })
  .map(({ changes }) => {
    const entry: Record<string, unknown> = { ...valid };
    for (const [field, value, drop] of changes) {
      if (drop) delete entry[field];
      else entry[field] = value;
    }
    return entry;
  });

describe('An Aptic list item read without zod', () => {
  it('is only one the schema accepts, with the values the schema gives', () => {
    fc.assert(
      fc.property(fc.oneof(item, anyValue), (entry) => {
        const plain = plainApticListItem(entry);
        if (plain === null) return;
        const parsed = apticListItemSchema.safeParse(entry);
        expect(parsed.success).toBe(true);
        for (const field of fields) expect(plain[field]).toStrictEqual(parsed.data![field]);
      }),
      { numRuns: 3_000 },
    );
  });

  it('is every item the sandbox serves: the usual item skips the copy', () => {
    expect(plainApticListItem(valid)).toBe(valid);
    expect(plainApticListItem({ ...valid, remainingPrincipal: null, status: undefined, someFieldAddedLater: [1] })).not.toBeNull();
  });
});
