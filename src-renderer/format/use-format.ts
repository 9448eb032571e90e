import { useI18n } from 'vue-i18n';
import { formatMinorUnits } from '../../src-shared/money/money';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function countFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function amountFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Amounts and dates in the app language's format. Amounts go to Intl as exact decimal text
 * (never as a float made by division), so 971.50 is shown as 971.50 whatever its size.
 */
export function formatAmount(locale: string, minor: number, currency: string): string {
  const decimal = formatMinorUnits(minor, currency, '.');
  // Intl.NumberFormat formats a decimal string exactly (ECMA-402 NumberFormat v3).
  return amountFormat(locale, currency).format(decimal as unknown as number);
}

/** A whole number (a count of pages or records) as the language writes it: 5 000 000 in Swedish. */
export function formatCount(locale: string, value: number): string {
  return countFormat(locale).format(value);
}

/** A calendar date (YYYY-MM-DD) shown as a date, without time zone drift. */
export function formatDate(locale: string, isoDate: string | null): string {
  if (!isoDate) return '—';
  return dateFormat(locale, false).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A VAT rate in basis points (2550) as a percentage (25.5 %), from exact decimal text. */
export function formatRate(locale: string, basisPoints: number): string {
  const percent = formatMinorUnits(basisPoints, 'EUR', '.');
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(percent as unknown as number) + '\u00a0%';
}

export function formatDateTime(locale: string, isoTimestamp: string | null): string {
  if (!isoTimestamp) return '—';
  return dateFormat(locale, true).format(new Date(isoTimestamp));
}

/** The regional formats each app language uses: English in the European way (31 Jan 2025). */
const regionalFormats: Record<string, string> = { en: 'en-GB', sv: 'sv-SE', nl: 'nl-NL', fi: 'fi-FI' };

export function intlLocale(language: string): string {
  return regionalFormats[language] ?? language;
}

export function useFormat() {
  const { locale } = useI18n();
  const region = () => intlLocale(locale.value);
  return {
    amount: (minor: number, currency: string) => formatAmount(region(), minor, currency),
    date: (isoDate: string | null) => formatDate(region(), isoDate),
    dateTime: (iso: string | null) => formatDateTime(region(), iso),
    count: (value: number) => formatCount(region(), value),
    /** A fraction as a percentage: 0.0125 → 1.25 %. */
    percent: (fraction: number) => new Intl.NumberFormat(region(), { style: 'percent', maximumFractionDigits: 2 }).format(fraction),
    rate: (basisPoints: number) => formatRate(region(), basisPoints),
  };
}
