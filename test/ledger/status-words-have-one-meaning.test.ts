import { describe, expect, it } from 'vitest';
import { agingBucketOf, isOverdue, statusOn } from '../../src-shared/ledger/invoice-status';

const today = '2025-06-30';

describe('status words', () => {
  it('makes a provider\'s open or overdue overdue exactly when something is owed and the due date is before today', () => {
    expect(statusOn('open', { outstanding: 1, dueDate: '2025-06-29' }, today)).toBe('overdue');
    expect(statusOn('overdue', { outstanding: 1, dueDate: '2025-06-30' }, today)).toBe('open');
    expect(statusOn('overdue', { outstanding: 1, dueDate: null }, today)).toBe('open');
    expect(statusOn('overdue', { outstanding: 0, dueDate: '2025-01-01' }, today)).toBe('paid');
  });

  it('keeps disputed and in collection as their own words, whatever the due date', () => {
    for (const said of ['disputed', 'in-collection', 'credited', 'draft'] as const) {
      expect(statusOn(said, { outstanding: 5, dueDate: '2024-01-01' }, today)).toBe(said);
      expect(isOverdue({ status: said })).toBe(false);
    }
    expect(isOverdue({ status: statusOn('open', { outstanding: 5, dueDate: '2024-01-01' }, today) })).toBe(true);
  });

  it('ages everything still owed by days past due, disputed and in collection included, and nothing settled', () => {
    expect(agingBucketOf({ status: 'open', outstanding: 1, dueDate: '2025-06-30' }, today)).toBe('not-due');
    expect(agingBucketOf({ status: 'overdue', outstanding: 1, dueDate: '2025-05-31' }, today)).toBe('1-30');
    expect(agingBucketOf({ status: 'disputed', outstanding: 1, dueDate: '2025-05-30' }, today)).toBe('31-60');
    expect(agingBucketOf({ status: 'in-collection', outstanding: 1, dueDate: '2025-01-01' }, today)).toBe('over-90');
    expect(agingBucketOf({ status: 'paid', outstanding: 1, dueDate: '2025-01-01' }, today)).toBeNull();
    expect(agingBucketOf({ status: 'overdue', outstanding: 0, dueDate: '2025-01-01' }, today)).toBeNull();
  });
});
