import { ledgerKey } from '../../src-shared/ledger/invoice-identity';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import type { CacheDatabase, CachedEvent } from '../db/cache-database';
import { toCaseRow, type CaseRow } from './collection-cases';
import type { InvoiceRow } from './invoice-row';

const paymentTypes: ReadonlySet<CachedEvent['type']> = new Set(['payment', 'settlement-allocation']);

/** What a customer's page reads from the cache besides the ledger: payments and collection cases. */
export interface CustomerRecords {
  /** Payments on the customer's invoices, oldest first (see `paymentsOnce`). */
  payments: CachedEvent[];
  cases: CaseRow[];
}

/**
 * Each invoice's payments once: the issuer and the servicer both book the same payment, so an
 * invoice's payments come from the first of its sources, best-ranked first (README's order of
 * whose figures count), whose connection books any payment on it.
 */
export function paymentsOnce(entries: readonly LedgerEntry[], events: readonly CachedEvent[]): CachedEvent[] {
  const byInvoice = new Map<string, Map<string, CachedEvent[]>>();
  for (const event of events) {
    if (!paymentTypes.has(event.type) || event.invoiceNumber === null) continue;
    const key = ledgerKey(event.invoiceNumber, event.currency);
    let byConnection = byInvoice.get(key);
    if (!byConnection) byInvoice.set(key, (byConnection = new Map()));
    byConnection.set(event.connectionId, [...(byConnection.get(event.connectionId) ?? []), event]);
  }
  const payments: CachedEvent[] = [];
  for (const entry of entries) {
    const byConnection = byInvoice.get(entry.key);
    const booked = byConnection && entry.sources.map((source) => byConnection.get(source.connectionId)).find((list) => list !== undefined);
    if (booked) payments.push(...booked);
  }
  return payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The payments and collection cases of these ledger entries (one customer's invoices). */
export async function loadCustomerRecords(db: CacheDatabase, entries: readonly LedgerEntry[], today: string): Promise<CustomerRecords> {
  const numbers = new Set<string>();
  const caseIds = new Set<string>();
  for (const entry of entries) {
    for (const source of entry.sources) {
      numbers.add(source.number);
      if (source.kind === 'case') caseIds.add(source.recordId);
    }
  }
  const [events, cases] = await Promise.all([db.events.where('invoiceNumber').anyOf([...numbers]).toArray(), db.cases.bulkGet([...caseIds])]);
  return {
    payments: paymentsOnce(entries, events),
    cases: cases.flatMap((item) => (item ? [toCaseRow(item, today)] : [])).sort((a, b) => (a.openedAt ?? '').localeCompare(b.openedAt ?? '')),
  };
}

/** One line of a customer's history. */
export type CustomerHistoryItem =
  | { kind: 'issued'; date: string; row: InvoiceRow }
  | { kind: 'payment'; date: string; event: CachedEvent }
  | { kind: 'caseOpened' | 'caseClosed'; date: string; collectionCase: CaseRow };

const kindOrder: Record<CustomerHistoryItem['kind'], number> = { issued: 0, caseOpened: 1, payment: 2, caseClosed: 3 };

/** What happened with a customer's invoices, newest first: issued, paid, handed to collection, closed. */
export function customerHistory(rows: readonly InvoiceRow[], records: CustomerRecords): CustomerHistoryItem[] {
  const items: CustomerHistoryItem[] = [];
  for (const row of rows) if (row.issueDate) items.push({ kind: 'issued', date: row.issueDate, row });
  for (const event of records.payments) items.push({ kind: 'payment', date: event.date, event });
  for (const collectionCase of records.cases) {
    const opened = collectionCase.openedAt?.slice(0, 10);
    if (opened) items.push({ kind: 'caseOpened', date: opened, collectionCase });
    const closed = collectionCase.closedAt?.slice(0, 10);
    if (closed) items.push({ kind: 'caseClosed', date: closed, collectionCase });
  }
  return items.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : kindOrder[b.kind] - kindOrder[a.kind]));
}
