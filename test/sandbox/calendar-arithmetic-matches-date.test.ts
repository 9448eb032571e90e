import { describe, expect, it } from 'vitest';
import { dayNumber, isIsoDate } from '../../src-shared/dates/iso-date';
import { addDays, dateOfDayNumber, dayNumberOf, daysBetween, settlementDateFor } from '../../sandbox/data/calendar';

const DAY_MS = 86_400_000;

describe('calendar arithmetic on YYYY-MM-DD', () => {
  it('formats every day from 1900 to 2200 as Date does', () => {
    for (let day = dayNumber('1900-01-01'); day <= dayNumber('2200-12-31'); day += 1) {
      expect(dateOfDayNumber(day)).toBe(new Date(day * DAY_MS).toISOString().slice(0, 10));
    }
  });

  it("numbers every day from 1900 to 2200 as the app's calendar does", () => {
    for (let day = dayNumber('1900-01-01'); day <= dayNumber('2200-12-31'); day += 1) {
      const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      if (dayNumberOf(date) !== day) expect(dayNumberOf(date), date).toBe(day);
    }
  });

  it('adds and counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-02', -30)).toBe('2025-01-31');
    expect(daysBetween('2025-01-31', '2025-03-02')).toBe(30);
    expect(daysBetween('2025-03-02', '2025-01-31')).toBe(-30);
    expect(settlementDateFor('2025-12-15')).toBe('2026-01-10');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '31.01.2025', '']) expect(isIsoDate(bad), bad).toBe(false);
  });
});
