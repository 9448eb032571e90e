import Dexie from 'dexie';
import { invoiceLookup, periodJournal, type JournalEntry } from '../../src-shared/accounting/period-journal';
import type { CacheDatabase } from '../db/cache-database';
import type { StatementPeriod } from '../statements/statement-period';

/**
 * The period's movements across all connections, through the `[date+id]` index (never the whole
 * table), with the invoices they name read by id and by number: only those, not all invoices.
 */
export async function loadPeriodJournal(db: CacheDatabase, period: StatementPeriod): Promise<JournalEntry[]> {
  const events = await db.events.where('[date+id]').between([period.from, Dexie.minKey], [period.to, Dexie.maxKey], true, true).toArray();
  const ids = [...new Set(events.flatMap((event) => (event.invoiceId ? [event.invoiceId] : [])))];
  const numbers = [...new Set(events.flatMap((event) => (event.invoiceNumber ? [event.invoiceNumber] : [])))];
  const [byId, byNumber] = await Promise.all([db.invoices.bulkGet(ids), db.invoices.where('number').anyOf(numbers).toArray()]);
  const invoices = [...byNumber, ...byId.filter((invoice) => invoice !== undefined)];
  return periodJournal(events, invoiceLookup(invoices), period);
}
