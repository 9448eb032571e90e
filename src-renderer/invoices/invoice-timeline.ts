import type { CachedCase, CachedEvent, CachedInvoice } from '../db/cache-database';
import type { InvoiceHistory } from '../queries/cache-queries';

/** One line of an invoice's history, whichever provider reported it. */
export type TimelineEntry =
  | { kind: 'issued' | 'due'; date: string; invoice: CachedInvoice }
  | { kind: 'event'; date: string; event: CachedEvent }
  | { kind: 'case-opened' | 'case-closed'; date: string; collectionCase: CachedCase }
  | { kind: 'case-payment'; date: string; collectionCase: CachedCase; amount: number; currency: string; description: string | null }
  | { kind: 'case-entry'; date: string; collectionCase: CachedCase; title: string; text: string | null };

const order: Record<TimelineEntry['kind'], number> = {
  issued: 0,
  'case-opened': 1,
  event: 2,
  'case-payment': 3,
  'case-entry': 4,
  due: 5,
  'case-closed': 6,
};

/**
 * Everything that happened to one invoice, oldest first. Dates compare as YYYY-MM-DD (timestamps
 * are cut to their day); on the same day the natural order holds: issued before anything else.
 */
export function invoiceTimeline(history: InvoiceHistory, invoiceNumber: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const day = (value: string | null) => value?.slice(0, 10) ?? null;
  for (const invoice of history.invoices) {
    if (invoice.issueDate) entries.push({ kind: 'issued', date: invoice.issueDate, invoice });
    if (invoice.dueDate) entries.push({ kind: 'due', date: invoice.dueDate, invoice });
  }
  for (const event of history.events) entries.push({ kind: 'event', date: event.date, event });
  for (const collectionCase of history.cases) {
    const opened = day(collectionCase.openedAt);
    if (opened) entries.push({ kind: 'case-opened', date: opened, collectionCase });
    const closed = day(collectionCase.closedAt);
    if (closed) entries.push({ kind: 'case-closed', date: closed, collectionCase });
    for (const payment of collectionCase.payments) {
      if (payment.invoiceNumber !== null && payment.invoiceNumber !== invoiceNumber) continue;
      const date = day(payment.bankPaymentDate) ?? day(payment.allocatedAt);
      if (date) entries.push({ kind: 'case-payment', date, collectionCase, amount: payment.amount, currency: payment.currency, description: payment.description });
    }
    for (const entry of collectionCase.entries) {
      const date = day(entry.occurredAt);
      if (date) entries.push({ kind: 'case-entry', date, collectionCase, title: entry.title, text: entry.text });
    }
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.kind] - order[b.kind]));
}
