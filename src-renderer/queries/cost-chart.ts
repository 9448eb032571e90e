import type { MonthlyCost } from './dashboard-figures';

/** The month after a YYYY-MM month. */
function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${String(year).padStart(4, '0')}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * The cost chart's months per currency: every month of the range, oldest first, a month without
 * charges as zero (a gap is a month that cost nothing, not one left out). The range ends with
 * the latest month that had charges and spans at most `months` months.
 */
export function costChartMonths(costs: readonly MonthlyCost[], months = 12): { currency: string; months: MonthlyCost[] }[] {
  const byCurrency = new Map<string, Map<string, MonthlyCost>>();
  for (const cost of costs) {
    let byMonth = byCurrency.get(cost.currency);
    if (!byMonth) byCurrency.set(cost.currency, (byMonth = new Map()));
    byMonth.set(cost.month, cost);
  }
  return [...byCurrency.entries()].map(([currency, byMonth]) => {
    const known = [...byMonth.keys()].sort();
    const all: MonthlyCost[] = [];
    for (let month = known[0]!; month <= known.at(-1)!; month = nextMonth(month)) {
      all.push(byMonth.get(month) ?? { month, currency, net: 0, vat: 0, total: 0 });
    }
    return { currency, months: all.slice(-months) };
  });
}

/**
 * A round top for the chart's scale, in minor units: the smallest 1, 2, 2.5 or 5 times a power of
 * ten (in major units) at or above the largest month, so its half-way line is a round figure too.
 */
export function scaleTop(largest: number, minorPerMajor = 100): number {
  const major = Math.max(largest, 1) / minorPerMajor;
  const power = 10 ** Math.floor(Math.log10(major));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= major) ?? 10;
  return Math.round(step * power * minorPerMajor);
}
