/**
 * Calendar dates as ISO YYYY-MM-DD strings, the only form dates take in the app. Arithmetic
 * runs in UTC on whole days, so the host's time zone and daylight saving never shift a date;
 * ISO dates also compare correctly as strings (`a < b`).
 */

const DAY_MS = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a real day: 2025-02-30 and 2025-13-01 are not. */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/** The calendar day of a date or timestamp as written (`2019-08-24T14:15:22Z` → `2019-08-24`); else null. */
export function isoDayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return match?.[1] ?? null;
}

/** Days since 1970-01-01 of a date (only its first ten characters count). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of a month given as YYYY-MM; null for anything else. */
export function monthRange(month: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const monthNumber = Number(match[2]);
  if (monthNumber < 1 || monthNumber > 12) return null;
  const last = String(lastDayOfMonth(Number(match[1]), monthNumber)).padStart(2, '0');
  return { from: `${month}-01`, to: `${month}-${last}` };
}

/** The month (YYYY-MM) a from/to pair covers exactly, if it is one whole month. */
export function monthOf(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to) return null;
  const month = from.slice(0, 7);
  const range = monthRange(month);
  return range && range.from === from && range.to === to ? month : null;
}

/** The calendar month (YYYY-MM) before the one `date` falls in: the month a monthly job reports on. */
export function previousMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 1 ? `${String(year - 1).padStart(4, '0')}-12` : `${date.slice(0, 4)}-${String(month - 1).padStart(2, '0')}`;
}
