import type { Locale } from './locales';
import caseListMessages from './messages/cases';
import overviewMessages from './messages/dashboard';
import ledgerMessages from './messages/events';
import en, { type Messages as CoreMessages } from './messages/en';
import fi from './messages/fi';
import invoiceListMessages from './messages/invoices';
import nl from './messages/nl';
import sv from './messages/sv';
import statementMessages from './messages/statements';

const core: Record<Locale, CoreMessages> = { en, sv, nl, fi };

/**
 * Feature message files (`messages/<feature>.ts`, made with featureMessages) are registered here
 * under their top-level key, e.g. `invoiceList: invoiceListMessages`.
 */
const features = {
  overview: overviewMessages,
  invoiceList: invoiceListMessages,
  ledger: ledgerMessages,
  caseList: caseListMessages,
  statements: statementMessages,
};

type Features = { [K in keyof typeof features]: (typeof features)[K] extends Record<Locale, infer T> ? T : never };
export type Messages = CoreMessages & Features;

export function messagesFor(locale: Locale): Messages {
  const merged: Record<string, unknown> = { ...core[locale] };
  for (const [key, byLocale] of Object.entries(features as Record<string, Record<Locale, unknown>>)) merged[key] = byLocale[locale];
  return merged as Messages;
}
