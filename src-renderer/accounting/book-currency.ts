import type { Locale } from '../i18n/locales';

/** The currencies the Nordic and Dutch businesses Reskontra serves keep their books in. */
export const bookCurrencies = ['SEK', 'EUR', 'NOK', 'DKK'] as const;

/** Swedish books are in kronor; the Dutch and Finnish ones (and by default the English) in euro. */
export function defaultBookCurrency(locale: Locale): string {
  return locale === 'sv' ? 'SEK' : 'EUR';
}
