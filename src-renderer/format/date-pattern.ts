/**
 * A calendar date as people write it in the app's language, for the app's own date field (the
 * browser's `<input type=date>` speaks the browser's language, mm/dd/yyyy in Swedish too): the
 * order of day, month and year and the separator come from Intl for the language's region.
 */
export type DatePart = 'day' | 'month' | 'year';

export interface DatePattern {
  order: DatePart[];
  separator: string;
}

const patterns = new Map<string, DatePattern>();

export function datePattern(intlLocale: string): DatePattern {
  let pattern = patterns.get(intlLocale);
  if (!pattern) {
    const parts = new Intl.DateTimeFormat(intlLocale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2001, 10, 23)));
    const order = parts.map((part) => part.type).filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
    pattern = { order, separator: parts.find((part) => part.type === 'literal')?.value ?? '-' };
    patterns.set(intlLocale, pattern);
  }
  return pattern;
}

/** `2025-06-30` as the language writes it with digits: 30/06/2025, 2025-06-30, 30-06-2025, 30.06.2025. */
export function writeDate(isoDate: string, pattern: DatePattern): string {
  const [year, month, day] = isoDate.split('-');
  const values = { year, month, day };
  return pattern.order.map((part) => values[part]).join(pattern.separator);
}

function isoIfReal(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * What a person typed, read in the language's order (any separator), or as ISO (`2025-06-30`,
 * which every language accepts). A two-digit year is this century. Null when it is no real date.
 */
export function readDate(text: string, pattern: DatePattern): string | null {
  const numbers = text.trim().split(/\D+/).filter(Boolean);
  if (numbers.length !== 3) return null;
  const order: DatePart[] = numbers[0]!.length === 4 ? ['year', 'month', 'day'] : pattern.order;
  const value = (part: DatePart) => Number(numbers[order.indexOf(part)]);
  const year = value('year');
  return isoIfReal(year < 100 ? 2000 + year : year, value('month'), value('day'));
}
