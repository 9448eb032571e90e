import type { Invoice, InvoiceStatus, LedgerEvent } from '../../../src-shared/domain/records';
import { recordId } from '../../../src-shared/domain/records';
import { parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { InvalidPageError } from '../provider-failure';
import { isoDayOf } from '../../../src-shared/dates/iso-date';
import { rawFields } from '../raw-fields';
import type { FlowtlyInvoice, FlowtlyTransaction } from './schema';

const statusOf: Record<string, InvoiceStatus> = {
  draft: 'draft',
  sent: 'open',
  open: 'open',
  partially_paid: 'open',
  paid: 'paid',
  overdue: 'overdue',
  credited: 'credited',
  disputed: 'disputed',
  collection: 'in-collection',
  closed: 'closed',
};

/** `/invoices/12` → `12`. */
export function iriId(iri: string): string {
  return iri.slice(iri.lastIndexOf('/') + 1);
}

/**
 * A Flowtly invoice: `total` is `amount` (gross), `paid` is what its transactions paid, and a
 * draft or credited invoice has nothing outstanding.
 */
export function normalizeFlowtlyInvoice(connectionId: string, invoice: FlowtlyInvoice, today: string): Invoice {
  const providerRef = String(invoice.id);
  const number = invoice.name ?? providerRef;
  const record = `Flowtly invoice ${number}`;
  const currency = invoice.currency;
  const total = parseMinorUnits(invoice.amount, currency, { record, field: 'amount' });
  const paid = invoice.amountPaid == null ? 0 : parseMinorUnits(invoice.amountPaid, currency, { record, field: 'amountPaid' });
  const dueDate = isoDayOf(invoice.dueDate);
  const status =
    (invoice.status ? statusOf[invoice.status] : undefined) ??
    (paid >= total ? 'paid' : dueDate !== null && dueDate < today ? 'overdue' : 'open');
  const settled = status === 'draft' || status === 'credited';
  return {
    kind: 'invoice',
    id: recordId(connectionId, providerRef),
    connectionId,
    provider: 'flowtly',
    providerRef,
    number,
    customer: { name: invoice.clientName ?? null, number: invoice.client ? iriId(invoice.client) : null },
    issueDate: isoDayOf(invoice.issueDate),
    dueDate,
    currency,
    total,
    paid,
    outstanding: settled ? 0 : total - paid,
    status,
    financing: 'own-ledger',
    raw: rawFields(invoice),
  };
}

/** An invoice transaction (a payment); its currency is its invoice's. */
export function normalizeFlowtlyTransaction(
  connectionId: string,
  transaction: FlowtlyTransaction,
  invoice: { number: string; currency: string },
): LedgerEvent {
  const providerRef = `transaction-${transaction.id}`;
  const record = `Flowtly invoice transaction ${transaction.id}`;
  const date = isoDayOf(transaction.date);
  if (!date) throw new InvalidPageError(`${record}: field date: expected a date-time`, { code: 'date', field: 'date' });
  return {
    kind: 'ledger-event',
    id: recordId(connectionId, providerRef),
    connectionId,
    provider: 'flowtly',
    providerRef,
    type: 'payment',
    date,
    currency: invoice.currency,
    amount: parseMinorUnits(transaction.amount, invoice.currency, { record, field: 'amount' }),
    invoiceNumber: invoice.number,
    invoiceId: recordId(connectionId, iriId(transaction.invoice)),
    description: null,
    net: null,
    vat: null,
    breakdown: null,
    caseRef: null,
    raw: rawFields(transaction),
  };
}
