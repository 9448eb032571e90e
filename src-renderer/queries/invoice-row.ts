import type { Invoice } from '../../src-shared/domain/records';
import { creditedInvoiceOf, customerKeysByName } from '../../src-shared/ledger/invoice-identity';
import { statusOn } from '../../src-shared/ledger/invoice-status';
import type { InvoiceFacts } from '../../src-shared/ledger/ledger-source';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import { rowStringPools, type RowStringPools } from './string-pool';

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

/**
 * A provider's record, its status word read on `today` (see `statusOn`). `shared` keeps one copy
 * of the strings that repeat across records (pass the same pools for a whole load: see `stringPool`).
 */
export function toInvoiceRow(invoice: Invoice, today: string, shared: RowStringPools = rowStringPools()): InvoiceRow {
  const customerName = shared.customerName(invoice.customer.name);
  const customerNumber = shared.customerNumber(invoice.customer.number);
  const customer = customerName ?? customerNumber ?? '';
  const reference = referenceOf(invoice.raw);
  return {
    id: invoice.id,
    connectionId: shared.connectionId(invoice.connectionId),
    provider: shared.provider(invoice.provider),
    number: invoice.number,
    customer,
    customerName,
    customerNumber,
    credits: creditedInvoiceOf(invoice),
    reference,
    issueDate: shared.date(invoice.issueDate),
    dueDate: shared.date(invoice.dueDate),
    currency: shared.currency(invoice.currency),
    total: invoice.total,
    paid: invoice.paid,
    outstanding: invoice.outstanding,
    status: shared.status(statusOn(invoice.status, invoice, today)),
    financing: shared.financing(invoice.financing),
    ...(invoice.providerFinancing === undefined ? {} : { providerFinancing: shared.financing(invoice.providerFinancing) }),
    searchText: searchTextOf(invoice.number, customer, reference),
    problems: 0,
    customerKey: recordCustomerKey(invoice.customer),
    opens: 'invoice',
  };
}

/**
 * A ledger entry as a list row: its standing figures, searchable by every source's references.
 * An entry that is one record's invoice and says just what that record says is that record's
 * row itself (most invoices: one row object per invoice, not two, at a million cached).
 */
export function entryRow(entry: LedgerEntry, recordRow: (id: string) => InvoiceRow | undefined): InvoiceRow {
  const customer = entry.customerName ?? entry.customerNumber ?? '';
  const references = new Set<string>();
  for (const source of entry.sources) {
    const reference = source.kind === 'invoice' ? recordRow(source.recordId)?.reference : undefined;
    if (reference) references.add(reference);
  }
  const reference = [...references].join(' ');
  const only = entry.sources.length === 1 && entry.sources[0]!.kind === 'invoice' ? recordRow(entry.sources[0]!.recordId) : undefined;
  const same = only?.number === entry.number && only.customer === customer && only.reference === reference;
  if (same && saysTheSame(only, entry)) return only;
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
    // Most invoices have one record: its row's search text is this one's, held once.
    searchText: same ? only.searchText : searchTextOf(entry.number, customer, reference),
    problems: entry.problems.length,
    customerKey: entry.customerKey,
    opens: entry.sources.some((source) => source.kind === 'invoice') ? 'invoice' : 'case',
  };
}

/** Whether a record's row holds every field the entry's own row would (number, customer and references aside). */
function saysTheSame(row: InvoiceRow, entry: LedgerEntry): boolean {
  return (
    row.id === entry.id &&
    row.connectionId === entry.connectionId &&
    row.provider === entry.provider &&
    row.customerName === entry.customerName &&
    row.customerNumber === entry.customerNumber &&
    row.credits === null &&
    row.issueDate === entry.issueDate &&
    row.dueDate === entry.dueDate &&
    row.currency === entry.currency &&
    row.total === entry.total &&
    row.paid === entry.paid &&
    row.outstanding === entry.outstanding &&
    row.status === entry.status &&
    row.financing === entry.financing &&
    (row.providerFinancing === undefined || entry.financing === 'unknown') &&
    entry.problems.length === 0 &&
    row.customerKey === entry.customerKey
  );
}

function providerFinancingOf(entry: LedgerEntry, recordRow: (id: string) => InvoiceRow | undefined): { providerFinancing?: string } {
  if (entry.financing !== 'unknown') return {};
  for (const source of entry.sources) {
    const word = source.kind === 'invoice' ? recordRow(source.recordId)?.providerFinancing : undefined;
    if (word !== undefined) return { providerFinancing: word };
  }
  return {};
}
