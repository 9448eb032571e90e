import { defineStore } from 'pinia';
import { ref } from 'vue';
import { isLocale, pickLocale, type Locale } from '../i18n/locales';

const localeKey = 'reskontra.locale';

/** The OS language until the user picks one in Settings; the choice survives restarts. */
export function initialLocale(storage: Storage, languages: readonly string[]): Locale {
  const saved = storage.getItem(localeKey);
  return isLocale(saved) ? saved : pickLocale(languages);
}

export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<Locale>(initialLocale(window.localStorage, window.navigator.languages));

  function setLocale(next: Locale): void {
    locale.value = next;
    window.localStorage.setItem(localeKey, next);
  }

  return { locale, setLocale };
});
