import { eventSigns } from './event-signs';
import type { AllocationBreakdown, FinancingState, Invoice, LedgerEvent, LedgerEventType } from '../domain/records';
import { ledgerKey } from '../ledger/invoice-identity';
import type { VatSplit } from './booking-rules';
import type { SalesDocument } from './sales-documents';

/** One money movement of a period: an event with its sign applied, its invoice and customer beside it. */
export interface JournalEntry {
  id: string;
  connectionId: string;
  type: LedgerEventType;
  date: string;
  currency: string;
  /** Positive in the direction the type names, as the provider sent it. */
  amount: number;
  /** `amount` with its type's sign applied (event-signs.ts). */
  signed: number;
  net: number | null;
  vat: number | null;
  /** Net and VAT per rate of a sale or credit note, in the direction `type` names; null when not known. */
  vatByRate: VatSplit;
  /** Set on a sale whose VAT the sync has not fetched yet: booked as VAT unknown, and said so. */
  vatPending?: true;
  breakdown: AllocationBreakdown | null;
  invoiceNumber: string | null;
  customer: string | null;
  /** How the invoice is financed now; null when the movement is tied to no known invoice. */
  financing: FinancingState | null;
  description: string | null;
  caseRef: string | null;
}

/** Finds an event's invoice: by record id when the provider links it, else by number in the same connection. */
export type InvoiceLookup = (event: Pick<LedgerEvent, 'connectionId' | 'invoiceId' | 'invoiceNumber'>) => Invoice | undefined;

export function invoiceLookup(invoices: Iterable<Invoice>): InvoiceLookup {
  const byId = new Map<string, Invoice>();
  const byNumber = new Map<string, Invoice>();
  for (const invoice of invoices) {
    byId.set(invoice.id, invoice);
    byNumber.set(`${invoice.connectionId}\u0000${invoice.number}`, invoice);
  }
  return (event) =>
    (event.invoiceId ? byId.get(event.invoiceId) : undefined) ??
    (event.invoiceNumber === null ? undefined : byNumber.get(`${event.connectionId}\u0000${event.invoiceNumber}`));
}

/** Within a day: invoicing first, then factoring in the order it happens, then what the customer pays. */
const dayOrder: readonly LedgerEventType[] = [
  'invoiced', 'credited', 'financed', 'charge', 'payout', 'recourse', 'recourse-payment', 'interest', 'fee', 'payment', 'settlement-allocation',
];
const rank = new Map(dayOrder.map((type, n) => [type, n]));
const collator = new Intl.Collator('en', { numeric: true });

function compareEntries(a: JournalEntry, b: JournalEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const type = rank.get(a.type)! - rank.get(b.type)!;
  if (type !== 0) return type;
  const invoice = collator.compare(a.invoiceNumber ?? '', b.invoiceNumber ?? '');
  if (invoice !== 0) return invoice;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sale or credit note as a journal entry: the invoice record's figures, not a provider's event. */
function salesEntry(document: SalesDocument): JournalEntry {
  const split = document.vatByRate;
  const sum = (pick: (rate: NonNullable<VatSplit>[number]) => number) => (split === null ? null : split.reduce((total, rate) => total + pick(rate), 0));
  return {
    id: document.recordId,
    connectionId: document.connectionId,
    type: document.type,
    date: document.issueDate,
    currency: document.currency,
    amount: document.amount,
    signed: eventSigns[document.type] * document.amount,
    net: sum((rate) => rate.net),
    vat: sum((rate) => rate.vat),
    vatByRate: split,
    ...(document.vatPending ? { vatPending: true as const } : {}),
    breakdown: null,
    invoiceNumber: document.number,
    customer: document.customer,
    financing: document.financing,
    description: null,
    caseRef: null,
  };
}

/**
 * Every money movement dated in [from, to] across all connections, one entry each, in date order,
 * within a day in the order the day happens (a payout names no invoice), then by invoice.
 * Sales and credit notes come from `sales` (every invoice once, by its issue date); a provider's
 * own invoiced or credited event is kept only for an invoice `sales` does not cover, so no invoice
 * is booked twice. `sales` is every document known, not only the period's: an event dated in
 * this period for an invoice issued in another is covered all the same.
 */
export function periodJournal(
  events: Iterable<LedgerEvent>,
  findInvoice: InvoiceLookup,
  period: { from: string; to: string },
  sales: readonly SalesDocument[],
): JournalEntry[] {
  const covered = new Set(sales.map((document) => document.key));
  const entries: JournalEntry[] = sales.filter((document) => document.issueDate >= period.from && document.issueDate <= period.to).map(salesEntry);
  for (const event of events) {
    if (event.date < period.from || event.date > period.to) continue;
    const invoice = findInvoice(event);
    const invoiceNumber = event.invoiceNumber ?? invoice?.number ?? null;
    if ((event.type === 'invoiced' || event.type === 'credited') && invoiceNumber !== null && covered.has(ledgerKey(invoiceNumber, event.currency))) continue;
    entries.push({
      id: event.id,
      connectionId: event.connectionId,
      type: event.type,
      date: event.date,
      currency: event.currency,
      amount: event.amount,
      signed: eventSigns[event.type] * event.amount,
      net: event.net,
      vat: event.vat,
      vatByRate: null,
      breakdown: event.breakdown,
      invoiceNumber,
      customer: invoice?.customer.name ?? null,
      financing: invoice?.financing ?? null,
      description: event.description,
      caseRef: event.caseRef,
    });
  }
  return entries.sort(compareEntries);
}
