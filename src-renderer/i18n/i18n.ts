import { createI18n } from 'vue-i18n';
import { messagesFor, type Messages } from './all-messages';
import type { Locale } from './locales';
import { pseudoLocalize } from './pseudo-locale';

/** English, or pseudo-English in a renderer built for the pseudo-locale test only (pseudo-locale.ts). */
function english(): Messages {
  return import.meta.env.RESKONTRA_PSEUDO_LOCALE === true ? pseudoLocalize(messagesFor('en')) : messagesFor('en');
}

export function createAppI18n(locale: Locale) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en: english(), sv: messagesFor('sv'), nl: messagesFor('nl'), fi: messagesFor('fi') },
  });
}
