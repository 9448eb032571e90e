import type { Locale } from './locales';

export type FeatureMessages<T> = Record<Locale, T>;

/**
 * One feature's strings in all four languages, side by side in one file (so a feature and its
 * translations change together). English sets the shape; the others must match it exactly.
 */
export function featureMessages<T extends object>(en: T, others: Record<Exclude<Locale, 'en'>, T>): FeatureMessages<T> {
  return { en, ...others };
}
