import { createI18n } from 'vue-i18n';
import en, { type Messages } from './messages/en';
import fi from './messages/fi';
import nl from './messages/nl';
import sv from './messages/sv';
import type { Locale } from './locales';

export function createAppI18n(locale: Locale) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, sv, nl, fi },
  });
}
