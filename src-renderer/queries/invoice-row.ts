import type { Invoice } from '../../src-shared/domain/records';
import { creditedInvoiceOf } from '../../src-shared/ledger/invoice-identity';
import type { InvoiceStatus, FinancingState } from '../../src-shared/domain/records';
import type { ProviderId } from '../../src-shared/domain/provider';
import { textField, recordCustomerKey, referenceOf } from '../db/invoice-columns';
import type { ListedChunk } from '../db/invoice-chunks';
import { statusOn } from '../../src-shared/ledger/invoice-status';
import type { InvoiceFacts } from '../../src-shared/ledger/ledger-source';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import type { stringPool } from './string-pool';

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

function searchTextOf(number: string, customer: string, reference: string): string {
  return `${number} ${customer} ${reference}`.toLocaleLowerCase();
}

/**
 * A provider's record, its status word read on `today` (see `statusOn`): what a load makes of the
 * record's columns (`rowsOfChunk`), said straight from the record.
 */
export function toInvoiceRow(invoice: Invoice, today: string): InvoiceRow {
  const { name: customerName, number: customerNumber } = invoice.customer;
  const customer = customerName ?? customerNumber ?? '';
  const reference = referenceOf(invoice.raw);
  return {
    id: invoice.id,
    connectionId: invoice.connectionId,
    provider: invoice.provider,
    number: invoice.number,
    customer,
    customerName,
    customerNumber,
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

/**
 * An amount read from a Float64Array as V8 holds a small integer parsed from JSON: inline in the
 * object (a Smi). As read, each is a boxed double of its own (16 bytes), and objects whose amount
 * fields hold both kinds keep changing shape, which made the ledger join ~6× slower.
 */
function smallInteger(value: number): number {
  const small = value | 0;
  return small === value ? small : value;
}

/**
 * A chunk's invoices as rows from its columns alone, the same rows `toInvoiceRow` makes of its
 * invoices. `pool` keeps one copy of each string across chunks: each of a chunk's distinct
 * strings is looked up once, not once per invoice.
 */
export function rowsOfChunk({ ids, numbers, columns }: ListedChunk, today: string, pool: ReturnType<typeof stringPool>): InvoiceRow[] {
  const n = ids.length;
  const strings = columns.strings.map(pool);
  const { codes, amounts, references } = columns;
  const text = (field: number, i: number): string | null => {
    const code = codes[field * n + i]!;
    return code === 0 ? null : strings[code - 1]!;
  };
  const rows: InvoiceRow[] = new Array<InvoiceRow>(n);
  for (let i = 0; i < n; i++) {
    const customerName = text(textField.customerName, i);
    const customerNumber = text(textField.customerNumber, i);
    const customer = customerName ?? customerNumber ?? '';
    const reference = references[i]!;
    const dueDate = text(textField.dueDate, i);
    const outstanding = smallInteger(amounts[2 * n + i]!);
    const number = numbers[i]!;
    const row: InvoiceRow = {
      id: ids[i]!,
      connectionId: text(textField.connectionId, i)!,
      provider: text(textField.provider, i) as ProviderId,
      number,
      customer,
      customerName,
      customerNumber,
      credits: text(textField.credits, i),
      reference,
      issueDate: text(textField.issueDate, i),
      dueDate,
      currency: text(textField.currency, i)!,
      total: smallInteger(amounts[i]!),
      paid: smallInteger(amounts[n + i]!),
      outstanding,
      // The status words are the app's own literals, held once already.
      status: statusOn(text(textField.status, i) as InvoiceStatus, { outstanding, dueDate }, today),
      financing: text(textField.financing, i) as FinancingState,
      searchText: searchTextOf(number, customer, reference),
      problems: 0,
      customerKey: text(textField.customerKey, i),
      opens: 'invoice',
    };
    // Set after, not spread into the literal: a spread there takes V8's slow path for every row.
    const providerFinancing = text(textField.providerFinancing, i);
    if (providerFinancing !== null) row.providerFinancing = providerFinancing;
    rows[i] = row;
  }
  return rows;
}

/**
 * A ledger entry as a list row: its standing figures, searchable by every source's references.
 * An entry that is one record's invoice and says just what that record says is that record's
 * row itself (most invoices: one row object per invoice, not two, at a million cached).
 */
export function entryRow(entry: LedgerEntry, recordRow: (id: string) => InvoiceRow | undefined): InvoiceRow {
  const customer = entry.customerName ?? entry.customerNumber ?? '';
  const only = entry.sources.length === 1 && entry.sources[0]!.kind === 'invoice' ? recordRow(entry.sources[0]!.recordId) : undefined;
  // Most entries have one source: its reference as is, without a set and an array per entry.
  const reference = entry.sources.length === 1 ? (only?.reference ?? '') : referencesOf(entry, recordRow);
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

/** Every invoice source's references, each once, in source order. */
function referencesOf(entry: LedgerEntry, recordRow: (id: string) => InvoiceRow | undefined): string {
  const references = new Set<string>();
  for (const source of entry.sources) {
    const reference = source.kind === 'invoice' ? recordRow(source.recordId)?.reference : undefined;
    if (reference) references.add(reference);
  }
  return [...references].join(' ');
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
