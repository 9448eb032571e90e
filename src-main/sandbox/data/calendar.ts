/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so the host's time zone never shifts a date. */

const DAY_MS = 86_400_000;

/**
 * The generated business's "today". Fixed, so a seed gives the same overdue/paid split on any
 * day the tests run; everything generated is dated on or before it.
 */
export const DATASET_TODAY = '2025-06-30';

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The 10th of the month after `date`: when a collection agency settles that month's payments. */
export function settlementDateFor(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, month, 10));
  return next.toISOString().slice(0, 10);
}

/** Midnight UTC of a date as an ISO date-time, the form date-time fields carry. */
export function atMidnightUtc(date: string): string {
  return `${date}T00:00:00Z`;
}

/** Today's real date, for records created through write endpoints. */
export function realToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a real day: 2025-02-30 and 2025-13-01 are not. */
export function isValidDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
