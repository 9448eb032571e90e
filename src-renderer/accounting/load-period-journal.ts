import Dexie from 'dexie';
import { invoiceLookup, periodJournal, type JournalEntry } from '../../src-shared/accounting/period-journal';
import { salesDocuments } from '../../src-shared/accounting/sales-documents';
import type { CacheDatabase } from '../db/cache-database';
import { invoicesWhere } from '../db/invoice-chunks';
import { loadLedgerRows } from '../queries/ledger-rows';
import type { StatementPeriod } from '../statements/statement-period';

/**
 * The period's movements across all connections, through the `[date+id]` index, with the invoices
 * they name read by id and by number (through the invoice directory). Sales come from the whole
 * ledger joined (every invoice once, whichever providers see it), so the cache is read in full:
 * the join needs every source.
 */
export async function loadPeriodJournal(db: CacheDatabase, period: StatementPeriod): Promise<JournalEntry[]> {
  const events = await db.events.where('[date+id]').between([period.from, Dexie.minKey], [period.to, Dexie.maxKey], true, true).toArray();
  const ids = new Set(events.flatMap((event) => (event.invoiceId ? [event.invoiceId] : [])));
  const numbers = new Set(events.flatMap((event) => (event.invoiceNumber ? [event.invoiceNumber] : [])));
  const [invoices, ledger] = await Promise.all([
    invoicesWhere(db, (id, number) => ids.has(id) || numbers.has(number)),
    // Statuses are not used here; the period's end is as good a day to read them on as any.
    loadLedgerRows(db, period.to),
  ]);
  // Invoice records carry no net and VAT per rate yet: every sale is booked with its VAT not known.
  const sales = salesDocuments(ledger.entries, ledger.records, () => null);
  return periodJournal(events, invoiceLookup(invoices), period, sales);
}
