import { describe, expect, it } from 'vitest';
import { datePattern, readDate, writeDate } from '../../src-renderer/format/date-pattern';
import { intlLocale } from '../../src-renderer/format/use-format';

const written = { en: '30/06/2025', sv: '2025-06-30', nl: '30-06-2025', fi: '30.06.2025' } as const;

describe("the app's date field", () => {
  it.each(Object.entries(written))('writes a date as %s does, and reads it back', (language, text) => {
    const pattern = datePattern(intlLocale(language));
    expect(writeDate('2025-06-30', pattern)).toBe(text);
    expect(readDate(text, pattern)).toBe('2025-06-30');
  });

  it('reads any separator, single digits, a two-digit year and ISO in every language', () => {
    const dutch = datePattern(intlLocale('nl'));
    expect(readDate('1/2/25', dutch)).toBe('2025-02-01');
    expect(readDate(' 01.02.2025 ', dutch)).toBe('2025-02-01');
    expect(readDate('2025-02-01', dutch)).toBe('2025-02-01');
    expect(readDate('2025-02-01', datePattern(intlLocale('en')))).toBe('2025-02-01');
  });

  it('refuses what is no real date', () => {
    const english = datePattern(intlLocale('en'));
    for (const text of ['31/02/2025', '00/01/2025', '12/13/2025', '2025', '1/2', 'tomorrow', '1/2/3/4']) expect(readDate(text, english), text).toBeNull();
    expect(readDate('29/02/2024', english)).toBe('2024-02-29');
  });
});
