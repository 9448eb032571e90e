import { describe, expect, it } from 'vitest';
import { LedgerSums } from '../../src-renderer/queries/ledger-sums';

/** The one adding-up behind the Dashboard's figures and every screen's per-currency totals, worked out by hand. */
describe('ledger sums', () => {
  const today = '2025-06-30';

  it('count, total, owe and age each currency apart, alphabetically', () => {
    const sums = new LedgerSums(today);
    sums.add('SEK', 100_00, 100_00, 'overdue', '2025-06-01'); // 29 days late: 1-30
    sums.add('EUR', 50_00, 0, 'paid', '2025-01-01'); // paid: counted, not owed, not aged
    sums.add('SEK', 300_00, 120_00, 'disputed', '2025-03-01', 2); // 121 days: over 90, owed but never overdue
    sums.add('SEK', -40_00, -40_00, 'open', '2025-07-15'); // a credit: nothing expected, so not aged
    sums.add('EUR', 10_00, 10_00, 'open', null); // no due date: aged as not due

    expect(sums.totals()).toEqual([
      { currency: 'EUR', count: 2, total: 60_00, outstanding: 10_00, overdue: 0, overdueCount: 0 },
      { currency: 'SEK', count: 3, total: 360_00, outstanding: 180_00, overdue: 100_00, overdueCount: 1 },
    ]);
    const bucket = (count: number, outstanding: number) => ({ count, outstanding });
    expect(sums.aging()).toEqual([
      { currency: 'EUR', buckets: { 'not-due': bucket(1, 10_00), '1-30': bucket(0, 0), '31-60': bucket(0, 0), '61-90': bucket(0, 0), 'over-90': bucket(0, 0) } },
      { currency: 'SEK', buckets: { 'not-due': bucket(0, 0), '1-30': bucket(1, 100_00), '31-60': bucket(0, 0), '61-90': bucket(0, 0), 'over-90': bucket(1, 120_00) } },
    ]);
    expect(sums.withProblems).toBe(1);
  });

  it('age nothing without a day to age against', () => {
    const sums = new LedgerSums();
    sums.add('SEK', 100_00, 100_00, 'overdue', '2025-06-01');
    expect(sums.totals()).toHaveLength(1);
    expect(sums.aging()).toEqual([]);
  });

  it('refuse a total that would round', () => {
    const sums = new LedgerSums(today);
    sums.add('SEK', Number.MAX_SAFE_INTEGER - 1, 0, 'paid', null);
    expect(() => sums.add('SEK', 2, 0, 'paid', null)).toThrow(RangeError);
  });
});
