import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isoDayOf, monthOf, monthRange } from '../../src-shared/dates/iso-date';
import { calendarToday } from '../../src-shared/dates/today';

const someDay = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));

describe('ISO dates', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-4-01')).toBe(false);
    expect(isIsoDate('2025-04-01T00:00:00Z')).toBe(false);
    fc.assert(fc.property(someDay, (day) => isIsoDate(day)));
  });

  it('takes the calendar day of a date or a timestamp, and nothing else', () => {
    expect(isoDayOf('2019-08-24T14:15:22Z')).toBe('2019-08-24');
    expect(isoDayOf('2019-08-24 14:15')).toBe('2019-08-24');
    expect(isoDayOf(' 2019-08-24 ')).toBe('2019-08-24');
    expect(isoDayOf('2019-08-245')).toBeNull();
    expect(isoDayOf('24.08.2019')).toBeNull();
    expect(isoDayOf(null)).toBeNull();
  });

  it('counts and adds whole days across leap days and month ends, and the two agree', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-02', '2025-01-31')).toBe(-30);
    expect(daysBetween('2025-06-01T08:00:00.000Z', '2025-06-30')).toBe(29);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    fc.assert(fc.property(someDay, fc.integer({ min: -5000, max: 5000 }), (day, days) => daysBetween(day, addDays(day, days)) === days));
  });

  it('turns a month into its first and last day, and back', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthRange('2025-13')).toBeNull();
    expect(monthRange('')).toBeNull();
    expect(monthOf('2025-02-01', '2025-02-28')).toBe('2025-02');
    expect(monthOf('2025-02-01', '2025-02-27')).toBeNull();
    expect(monthOf(undefined, '2025-02-28')).toBeNull();
  });
});

describe('calendarToday', () => {
  it('is the calendar day where the user is, from the instant it is given', () => {
    // 23:30 on 31 Dec local time is still the 31st, whatever the UTC date is.
    expect(calendarToday(new Date(2025, 11, 31, 23, 30))).toBe('2025-12-31');
    expect(calendarToday(new Date(2026, 0, 1, 0, 15))).toBe('2026-01-01');
    expect(isIsoDate(calendarToday())).toBe(true);
  });
});
