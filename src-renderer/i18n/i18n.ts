import { createI18n } from 'vue-i18n';
import { messagesFor, type Messages } from './all-messages';
import type { Locale } from './locales';

export function createAppI18n(locale: Locale) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en: messagesFor('en'), sv: messagesFor('sv'), nl: messagesFor('nl'), fi: messagesFor('fi') },
  });
}
