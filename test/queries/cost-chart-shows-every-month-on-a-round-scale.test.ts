import { describe, expect, it } from 'vitest';
import { costChartMonths, scaleTop } from '../../src-renderer/queries/cost-chart';
import type { MonthlyCost } from '../../src-renderer/queries/dashboard-figures';

const cost = (month: string, total: number, currency = 'SEK'): MonthlyCost => ({ month, currency, net: total * 0.8, vat: total * 0.2, total });

describe('the Dashboard cost chart', () => {
  it('shows every month of the range, a month without charges as zero, across a year end', () => {
    const [chart] = costChartMonths([cost('2024-11', 1_000), cost('2025-02', 500)]);
    expect(chart!.months.map((m) => [m.month, m.total])).toEqual([
      ['2024-11', 1_000],
      ['2024-12', 0],
      ['2025-01', 0],
      ['2025-02', 500],
    ]);
    expect(chart!.months[1]).toEqual({ month: '2024-12', currency: 'SEK', net: 0, vat: 0, total: 0 });
  });

  it('keeps the last twelve months, per currency', () => {
    const charts = costChartMonths([cost('2023-01', 1), cost('2024-06', 2), cost('2024-03', 7, 'EUR')]);
    expect(charts.map((c) => [c.currency, c.months.length, c.months[0]!.month, c.months.at(-1)!.month])).toEqual([
      ['SEK', 12, '2023-07', '2024-06'],
      ['EUR', 1, '2024-03', '2024-03'],
    ]);
  });

  it('puts the top of its scale on a round figure at or above the largest month', () => {
    expect(scaleTop(123_456)).toBe(200_000); // 1,234.56 → 2,000
    expect(scaleTop(230_000)).toBe(250_000); // 2,300 → 2,500
    expect(scaleTop(400_000)).toBe(500_000); // 4,000 → 5,000
    expect(scaleTop(500_000)).toBe(500_000); // exactly 5,000
    expect(scaleTop(0)).toBe(1); // no charges: one minor unit, never a division by zero
    expect(scaleTop(7, 1)).toBe(10); // a currency without minor units
  });
});
