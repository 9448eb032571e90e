/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so the host's time zone never shifts a date. */

const DAY_MS = 86_400_000;

/**
 * The generated business's "today". Fixed, so a seed gives the same overdue/paid split on any
 * day the tests run; everything generated is dated on or before it.
 */
export const DATASET_TODAY = '2025-06-30';

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * YYYY-MM-DD of a day number, by Hinnant's civil-from-days: the generator formats several
 * dates per invoice, and a 100,000-invoice $filter scan pays for every Date object it makes.
 */
export function dateOfDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
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
