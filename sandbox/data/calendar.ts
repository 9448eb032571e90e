/**
 * The generator's calendar on YYYY-MM-DD strings: the app's own arithmetic (src-shared/dates,
 * which the tests check this against) without a Date per call, since a page of 100 invoices
 * parses and formats over a thousand dates.
 */
import { isIsoDate } from '../../src-shared/dates/iso-date';
import { calendarToday } from '../../src-shared/dates/today';

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

/**
 * Formatted days, by day number from 1970 to 2149 (an array: a Map lookup was the generator's
 * costliest line). Generated dates fall within a few years of each other; others are formatted.
 */
const FORMATTED_SPAN = 0x1_0000;
const formattedDays = new Array<string | undefined>(FORMATTED_SPAN);

/** YYYY-MM-DD of a day number (days since 1970-01-01), formatted once per day. */
export function dateOfDay(days: number): string {
  if (days < 0 || days >= FORMATTED_SPAN) return dateOfDayNumber(days);
  return (formattedDays[days] ??= dateOfDayNumber(days));
}

const digitAt = (text: string, at: number): number => text.charCodeAt(at) - 48;

/** Days since 1970-01-01 of a YYYY-MM-DD date, by Hinnant's days-from-civil. */
export function dayNumberOf(date: string): number {
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digitAt(date, 8) * 10 + digitAt(date, 9) - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumberOf(date) + days);
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

/**
 * The sandbox's one clock: the generated business's "today". Every generated date is on or
 * before it (the seed examples keep their own dates, whatever today is), and records made
 * through write endpoints are dated on it.
 *
 * `SANDBOX_TODAY=YYYY-MM-DD` pins it; the tests pin it to 2025-06-30 (vitest.config.ts) so a
 * seed gives the same overdue/paid split on any day. Otherwise it is the app's calendar day
 * (src-shared/dates/today.ts) when the sandbox starts, so `npm run demo` and `npm run sandbox`
 * serve a business whose invoices are as old as a live one's. Read once: a sandbox running past
 * midnight keeps serving the same data.
 */
export const DATASET_TODAY = sandboxToday(process.env);

/** DATASET_TODAY as a day number, for the generator's arithmetic on day numbers. */
export const DATASET_TODAY_DAY = dayNumberOf(DATASET_TODAY);

/** SANDBOX_TODAY if set (a real YYYY-MM-DD day, else an error), otherwise today's calendar day. */
export function sandboxToday(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): string {
  const pinned = env.SANDBOX_TODAY?.trim();
  if (!pinned) return calendarToday(now);
  if (!isIsoDate(pinned)) throw new Error(`SANDBOX_TODAY must be a date like 2025-06-30, got '${pinned}'`);
  return pinned;
}
