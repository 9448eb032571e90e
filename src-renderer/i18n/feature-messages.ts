import type { Locale } from './locales';
import { pseudoLocalize } from './pseudo-locale';

export type FeatureMessages<T> = Record<Locale, T>;

/**
 * One feature's strings in all four languages, side by side in one file (so a feature and its
 * translations change together). English sets the shape; the others must match it exactly.
 */
export function featureMessages<T extends object>(en: T, others: Record<Exclude<Locale, 'en'>, T>): FeatureMessages<T> {
  // Pseudo-English in place of English only in a renderer built for the pseudo-locale test
  // (pseudo-locale.ts), here at the source, so the statement builders read it too. Outside Vite
  // (a bench run by tsx) there is no `import.meta.env`; Vite's define replaces the whole expression.
  const pseudo = typeof import.meta.env === 'object' && import.meta.env.RESKONTRA_PSEUDO_LOCALE === true;
  return { en: pseudo ? pseudoLocalize(en) : en, ...others };
}
