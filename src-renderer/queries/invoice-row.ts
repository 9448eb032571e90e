import type { Invoice } from '../../src-shared/domain/records';

/**
 * What the invoice list needs of an invoice, small enough to hold 100,000 in memory: search,
 * filters, sorting and totals then run without touching IndexedDB on each keystroke.
 */
export interface InvoiceRow
  extends Pick<
    Invoice,
    'id' | 'connectionId' | 'provider' | 'number' | 'issueDate' | 'dueDate' | 'currency' | 'total' | 'paid' | 'outstanding' | 'status' | 'financing'
  > {
  /** The customer's name, or its number when the provider gives no name. */
  customer: string;
  reference: string;
  /** Lower-cased number, customer and references: what search as you type matches. */
  searchText: string;
}

/** Raw provider fields that hold a reference a user might search by (OCR, client reference…). */
function referenceOf(raw: Invoice['raw']): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' && value !== '' && /reference|ocr/i.test(key)) parts.push(value);
  }
  return parts.join(' ');
}

export function toInvoiceRow(invoice: Invoice): InvoiceRow {
  const customer = invoice.customer.name ?? invoice.customer.number ?? '';
  const reference = referenceOf(invoice.raw);
  return {
    id: invoice.id,
    connectionId: invoice.connectionId,
    provider: invoice.provider,
    number: invoice.number,
    customer,
    reference,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    total: invoice.total,
    paid: invoice.paid,
    outstanding: invoice.outstanding,
    status: invoice.status,
    financing: invoice.financing,
    searchText: `${invoice.number} ${customer} ${reference}`.toLocaleLowerCase(),
  };
}
