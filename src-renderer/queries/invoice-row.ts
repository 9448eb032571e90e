import type { Invoice } from '../../src-shared/domain/records';
import { creditedInvoiceOf, customerKeysByName } from '../../src-shared/ledger/invoice-identity';
import { statusOn } from '../../src-shared/ledger/invoice-status';
import type { InvoiceFacts } from '../../src-shared/ledger/ledger-source';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';

/**
 * What the invoice list needs of an invoice, small enough to hold 100,000 in memory: search,
 * filters, sorting and totals then run without touching IndexedDB on each keystroke. A row is
 * one provider's record (the view of one connection) or one ledger entry (every invoice once).
 */
export interface InvoiceRow extends InvoiceFacts, Pick<Invoice, 'providerFinancing'> {
  /** The customer's name, or its number when the provider gives no name. */
  customer: string;
  reference: string;
  /** Lower-cased number, customer and references: what search as you type matches. */
  searchText: string;
  /** How many disagreements between its sources (always 0 on a provider's own record). */
  problems: number;
  /** Who it is to (`customerKey`), what the Customers screen groups by; null when no source says. */
  customerKey: string | null;
  /**
   * The page that shows it: its invoice page, or, for an invoice known only from a collection case
   * (no invoice record anywhere), that case's page.
   */
  opens: 'invoice' | 'case';
}

/** Whether a raw field's name says it holds a reference, per name: every record of a provider has the same few. */
const referenceField = new Map<string, boolean>();

/** Raw provider fields that hold a reference a user might search by (OCR, client reference…). */
function referenceOf(raw: Invoice['raw']): string {
  const parts: string[] = [];
  for (const key in raw) {
    const value = raw[key];
    if (typeof value !== 'string' || value === '') continue;
    let named = referenceField.get(key);
    if (named === undefined) referenceField.set(key, (named = /reference|ocr/i.test(key)));
    if (named) parts.push(value);
  }
  return parts.join(' ');
}

function searchTextOf(number: string, customer: string, reference: string): string {
  return `${number} ${customer} ${reference}`.toLocaleLowerCase();
}

const recordCustomerKey = customerKeysByName();

/** A provider's record, its status word read on `today` (see `statusOn`). */
export function toInvoiceRow(invoice: Invoice, today: string): InvoiceRow {
  const customer = invoice.customer.name ?? invoice.customer.number ?? '';
  const reference = referenceOf(invoice.raw);
  return {
    id: invoice.id,
    connectionId: invoice.connectionId,
    provider: invoice.provider,
    number: invoice.number,
    customer,
    customerName: invoice.customer.name,
    customerNumber: invoice.customer.number,
    credits: creditedInvoiceOf(invoice),
    reference,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    total: invoice.total,
    paid: invoice.paid,
    outstanding: invoice.outstanding,
    status: statusOn(invoice.status, invoice, today),
    financing: invoice.financing,
    ...(invoice.providerFinancing === undefined ? {} : { providerFinancing: invoice.providerFinancing }),
    searchText: searchTextOf(invoice.number, customer, reference),
    problems: 0,
    customerKey: recordCustomerKey(invoice.customer),
    opens: 'invoice',
  };
}

/** A ledger entry as a list row: its standing figures, searchable by every source's references. */
export function entryRow(entry: LedgerEntry, recordRow: (id: string) => InvoiceRow | undefined): InvoiceRow {
  const customer = entry.customerName ?? entry.customerNumber ?? '';
  const references = new Set<string>();
  for (const source of entry.sources) {
    const reference = source.kind === 'invoice' ? recordRow(source.recordId)?.reference : undefined;
    if (reference) references.add(reference);
  }
  const reference = [...references].join(' ');
  // Most invoices have one record: its row's search text is this one's, held once.
  const only = entry.sources.length === 1 && entry.sources[0]!.kind === 'invoice' ? recordRow(entry.sources[0]!.recordId) : undefined;
  const same = only?.number === entry.number && only.customer === customer && only.reference === reference;
  return {
    id: entry.id,
    connectionId: entry.connectionId,
    provider: entry.provider,
    number: entry.number,
    customer,
    customerName: entry.customerName,
    customerNumber: entry.customerNumber,
    credits: null,
    reference,
    issueDate: entry.issueDate,
    dueDate: entry.dueDate,
    currency: entry.currency,
    total: entry.total,
    paid: entry.paid,
    outstanding: entry.outstanding,
    status: entry.status,
    financing: entry.financing,
    // An unknown financing state keeps the provider's own word, as the record's row does.
    ...providerFinancingOf(entry, recordRow),
    searchText: same ? only.searchText : searchTextOf(entry.number, customer, reference),
    problems: entry.problems.length,
    customerKey: entry.customerKey,
    opens: entry.sources.some((source) => source.kind === 'invoice') ? 'invoice' : 'case',
  };
}

function providerFinancingOf(entry: LedgerEntry, recordRow: (id: string) => InvoiceRow | undefined): { providerFinancing?: string } {
  if (entry.financing !== 'unknown') return {};
  for (const source of entry.sources) {
    const word = source.kind === 'invoice' ? recordRow(source.recordId)?.providerFinancing : undefined;
    if (word !== undefined) return { providerFinancing: word };
  }
  return {};
}
