import type { Locale } from './locales';
import accounting from './messages/accounting';
import cases from './messages/cases';
import common from './messages/common';
import connections from './messages/connections';
import customers from './messages/customers';
import dashboard from './messages/dashboard';
import events from './messages/events';
import freshness from './messages/freshness';
import invoices from './messages/invoices';
import outbox from './messages/outbox';
import settings from './messages/settings';
import statements from './messages/statements';

/**
 * Every namespace, each from the file of the same name (`messages/<namespace>.ts`, all four
 * languages side by side). A screen or component family reads its own namespace and `common`.
 */
export const namespaces = { common, dashboard, invoices, customers, events, cases, connections, settings, statements, accounting, outbox, freshness };

export type Namespace = keyof typeof namespaces;
export type Messages = { [N in Namespace]: (typeof namespaces)[N]['en'] };

export function messagesFor(locale: Locale): Messages {
  const merged: Record<string, unknown> = {};
  for (const [namespace, byLocale] of Object.entries(namespaces)) merged[namespace] = byLocale[locale];
  return merged as Messages;
}
