import Dexie from 'dexie';
import { invoiceLookup, periodJournal, type JournalEntry } from '../../src-shared/accounting/period-journal';
import { salesDocuments } from '../../src-shared/accounting/sales-documents';
import type { VatLine } from '../../src-shared/domain/records';
import type { CacheDatabase } from '../db/cache-database';
import { invoicesWhere } from '../db/invoice-chunks';
import { loadLedgerRows, type LedgerRows } from '../queries/ledger-rows';
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
  const vatLines = await periodVatLines(db, ledger, period);
  const sales = salesDocuments(ledger.entries, ledger.records, (recordId) => vatLines.get(recordId) ?? null);
  return periodJournal(events, invoiceLookup(invoices), period, sales);
}

/**
 * Net and VAT per rate of every invoice record of a sale issued in the period, by record id: the
 * records of each ledger entry issued then, and the credit notes issued then (the ledger folds
 * those into what they credit). The ledger's rows do not carry the lines, so those records are
 * read whole, through the invoice directory.
 */
async function periodVatLines(db: CacheDatabase, ledger: LedgerRows, period: StatementPeriod): Promise<Map<string, VatLine[] | 'pending'>> {
  const inPeriod = (date: string | null) => date !== null && date >= period.from && date <= period.to;
  const ids = new Set([
    ...ledger.entries.filter((entry) => inPeriod(entry.issueDate)).flatMap((entry) => entry.sources.flatMap((source) => (source.kind === 'invoice' ? [source.recordId] : []))),
    ...ledger.records.filter((record) => record.credits !== null && inPeriod(record.issueDate)).map((record) => record.id),
  ]);
  const records = await invoicesWhere(db, (id) => ids.has(id));
  const split = (record: (typeof records)[number]): VatLine[] | 'pending' | null => (record.vatPending !== undefined ? 'pending' : (record.vatLines ?? null));
  return new Map(records.flatMap((record) => {
    const known = split(record);
    return known === null ? [] : [[record.id, known] as const];
  }));
}
