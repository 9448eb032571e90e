import { describe, expect, it } from 'vitest';
import { validatePage } from '../../src-main/providers/provider-http';
import { flowtlyCollectionSchema, flowtlyTransactionSchema } from '../../src-main/providers/flowtly/schema';

const transaction = { id: 7, invoice: '/invoices/12', transaction: null, amount: 971.5, date: '2025-01-31T00:00:00+00:00' };
const collection = flowtlyCollectionSchema(flowtlyTransactionSchema);

describe('Flowtly collection pages', () => {
  it('read JSON-LD with hydra: prefixes, following hydra:next', () => {
    const page = validatePage(
      collection,
      { 'hydra:member': [transaction], 'hydra:totalItems': 31, 'hydra:view': { 'hydra:next': '/invoice-transactions?page=2' } },
      'page',
    );
    expect(page).toEqual({ members: [transaction], total: 31, next: '/invoice-transactions?page=2', plain: false });
  });

  it('read the unprefixed JSON-LD of newer API Platform versions', () => {
    const page = validatePage(collection, { member: [transaction], totalItems: 1, view: {} }, 'page');
    expect(page).toEqual({ members: [transaction], total: 1, next: null, plain: false });
  });

  it('read a plain JSON array', () => {
    expect(validatePage(collection, [transaction], 'page')).toEqual({ members: [transaction], total: null, next: null, plain: true });
  });

  it('name the field when a member is wrong', () => {
    expect(() => validatePage(collection, { 'hydra:member': [{ ...transaction, invoice: 12 }] }, 'invoice transactions page 3')).toThrow(
      /^invoice transactions page 3: field /,
    );
  });
});
