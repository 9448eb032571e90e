import { isIsoDate, monthOf } from '../../src-shared/dates/iso-date';

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
  return isIsoDate(period.from) && isIsoDate(period.to) && period.from <= period.to;
}
