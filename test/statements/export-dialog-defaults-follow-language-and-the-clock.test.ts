import { describe, expect, it } from 'vitest';
import { previousMonth } from '../../src-shared/dates/iso-date';
import { calendarToday } from '../../src-shared/dates/today';
import { rememberedPreset, rememberPreset } from '../../src-renderer/statements/preset-choice';

function storage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('what the export dialog starts with', () => {
  it('offers the preset of the app language until the user picks one, then keeps that one in every language', () => {
    const store = storage();
    expect(rememberedPreset(store, 'en')).toBe('rfc4180');
    expect(rememberedPreset(store, 'sv')).toBe('excel-nordic');
    rememberPreset(store, 'rfc4180');
    expect(rememberedPreset(store, 'sv')).toBe('rfc4180');
    store.setItem('reskontra.csvPreset', 'semicolons please');
    expect(rememberedPreset(store, 'nl')).toBe('excel-nordic');
  });

  it('opens a statement with a period on the calendar month before today, by the one clock', () => {
    expect(previousMonth(calendarToday(new Date(2026, 10, 29, 1, 0)))).toBe('2026-10');
    // January reports on December of the year before; the last day of a month is still that month.
    expect(previousMonth('2026-01-01')).toBe('2025-12');
    expect(previousMonth('2025-03-31')).toBe('2025-02');
    expect(previousMonth('0001-01-15')).toBe('0000-12');
  });
});
