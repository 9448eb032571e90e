import { daysBetween } from '../dates/iso-date';
import type { InvoiceStatus, IsoDate } from '../domain/records';

/**
 * One meaning for each status word, the same on every screen, total and export:
 *
 * | status        | means                                                                  |
 * |---------------|------------------------------------------------------------------------|
 * | draft         | not sent yet; nothing is owed                                          |
 * | open          | something is owed and the due date is today or later (or unknown)     |
 * | overdue       | something is owed and the due date is before today (the one clock)    |
 * | paid          | nothing is left to pay                                                 |
 * | credited      | cancelled by a credit note                                             |
 * | disputed      | the customer contests it (whatever its due date)                       |
 * | in-collection | a collection agency is chasing it (whatever its due date)              |
 * | closed        | closed by the provider with nothing more expected                      |
 * | written-off   | given up                                                               |
 *
 * Every invoice has exactly one of them, so a filter by status partitions the list. Providers'
 * own "open" and "overdue" (a flag computed on their day, or on the day they were synced) are
 * only taken as "still owed": whether it is overdue is worked out here, against `today`.
 */
export const invoiceStatuses: readonly InvoiceStatus[] = [
  'draft',
  'open',
  'overdue',
  'paid',
  'credited',
  'disputed',
  'in-collection',
  'closed',
  'written-off',
];

/** Statuses in which nothing more is expected to be paid. */
export const settledStatuses: ReadonlySet<InvoiceStatus> = new Set(['paid', 'credited', 'closed', 'written-off', 'draft']);

export interface StatusFacts {
  outstanding: number;
  dueDate: IsoDate | null;
}

/** What a provider's status word means on `today` (YYYY-MM-DD from `calendarToday`). */
export function statusOn(said: InvoiceStatus, facts: StatusFacts, today: string): InvoiceStatus {
  if (said !== 'open' && said !== 'overdue') return said;
  if (facts.outstanding <= 0) return 'paid';
  return facts.dueDate !== null && facts.dueDate < today ? 'overdue' : 'open';
}

/** Overdue is a status like the others: a filter, the totals and the Dashboard all ask this. */
export function isOverdue(row: { status: InvoiceStatus }): boolean {
  return row.status === 'overdue';
}

export const agingBuckets = ['not-due', '1-30', '31-60', '61-90', 'over-90'] as const;
export type AgingBucket = (typeof agingBuckets)[number];

/**
 * Where money still owed stands by days past due; null when nothing is expected. Ageing splits
 * everything owed (open, overdue, disputed, in collection), so a currency's buckets add up to its
 * outstanding; its past-due buckets therefore hold disputed and collection invoices too.
 */
export function agingBucketOf(row: StatusFacts & { status: InvoiceStatus }, today: string): AgingBucket | null {
  return isAged(row) ? agingBucketOfDue(row.dueDate, today) : null;
}

/** Whether an invoice has a place in ageing at all: money still expected. */
export function isAged(row: Pick<StatusFacts, 'outstanding'> & { status: InvoiceStatus }): boolean {
  return row.outstanding > 0 && !settledStatuses.has(row.status);
}

/** The ageing bucket of money still expected, by its due date alone (null: no due date). */
export function agingBucketOfDue(dueDate: string | null, today: string): AgingBucket {
  if (dueDate === null || dueDate >= today) return 'not-due';
  const late = daysBetween(dueDate, today);
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return 'over-90';
}
