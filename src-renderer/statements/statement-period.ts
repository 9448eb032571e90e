import { monthOf } from '../queries/ledger-events';

/** A statement period: whole days, both ends included, as YYYY-MM-DD. */
export interface StatementPeriod {
  from: string;
  to: string;
}

/** How a period reads in a file name: `2025-01` for a whole month, else `2025-01-15-2025-02-14`. */
export function periodNameParts(period: StatementPeriod): string[] {
  const month = monthOf(period.from, period.to);
  return month ? [month] : [period.from, period.to];
}

export function isValidPeriod(period: StatementPeriod): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to;
}
