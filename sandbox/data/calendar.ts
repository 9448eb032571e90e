/**
 * The generator's calendar on YYYY-MM-DD strings. Parsing, day numbers and day counts are the
 * app's own (src-shared/dates); this adds the fast formatting the generator needs.
 */
import { dayNumber } from '../../src-shared/dates/iso-date';

/**
 * The generated business's "today". Fixed, so a seed gives the same overdue/paid split on any
 * day the tests run; everything generated is dated on or before it.
 */
export const DATASET_TODAY = '2025-06-30';

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
