/**
 * Flowtly's view (API Platform resources): every dataset invoice is Flowtly invoice id index + 1,
 * followed by a few drafts; rows and transactions are numbered globally in invoice order, so
 * row id n is found through the dataset's row offsets. Money follows API Platform's habits:
 * invoice amounts and row prices are string decimals ("12.50"), a transaction's amount a number.
 */
import { atMidnightUtc } from './calendar';
import { type SandboxDataset } from './dataset';
import { invoiceAt, type InvoiceLine, type SandboxInvoice } from './invoices';
import { minorToDecimalString, minorToNumber } from './money-format';

export type FlowtlyInvoiceStatus = 'draft' | 'sent' | 'partially_paid' | 'paid' | 'overdue' | 'credited' | 'disputed' | 'collection';

export interface FlowtlyInvoice {
  '@id': string;
  '@type': 'Invoice';
  id: number;
  name: string;
  type: 'invoice';
  /** Added by the sandbox: Flowtly's published fields say nothing about payment state. */
  status: FlowtlyInvoiceStatus;
  parent: string | null;
  childrenInvoices: string[];
  client: string;
  /** Added by the sandbox so a list is readable without fetching every client. */
  clientName: string;
  tinType: string;
  tinCountry: string;
  tin: string;
  bankAccount: string;
  amountNet: string;
  amount: string;
  /** Added by the sandbox: sum of the invoice's transactions. */
  amountPaid: string;
  currency: string;
  conversionRate: string;
  generatedPdfExternalId: string | null;
  issueDate: string;
  saleDate: string;
  dueDate: string;
  invoiceRows: string[];
}

export interface FlowtlyInvoiceRow {
  '@id': string;
  '@type': 'InvoiceRow';
  id: number;
  invoice: string;
  classificationNumber: string | null;
  unit: string | null;
  quantity: number;
  vatRate: string;
  netPrice: string;
  netDiscountAmount: string;
  productName: string;
  project: string | null;
  parentInvoiceRow: string | null;
  invoiceChildrenRows: string[];
}

export interface FlowtlyInvoiceTransaction {
  '@id': string;
  '@type': 'InvoiceTransaction';
  id: number;
  invoice: string;
  transaction: string | null;
  amount: number | null;
  date: string;
  createdAt: string;
  updatedAt: string;
}

export interface FlowtlyPaymentMethod {
  '@id': string;
  '@type': 'PaymentMethod';
  id: string;
  organization: string | null;
  type: string;
  ccBrand: string;
  ccLastDigits: string;
  ccExpMonth: number;
  ccExpYear: number;
  externalId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleted: boolean;
}

export const flowtlyInvoiceIri = (id: number): string => `/invoices/${id}`;
export const flowtlyRowIri = (id: number): string => `/invoice-rows/${id}`;
export const flowtlyTransactionIri = (id: number): string => `/invoice-transactions/${id}`;

/** "25", "21", "25.5": basis points as the string percentage API Platform returns. */
export function vatRateString(basisPoints: number): string {
  return String(basisPoints / 100);
}

/** Drafts come after the issued invoices; a handful, growing slowly with the scale. */
export function flowtlyDraftCount(scale: number): number {
  return Math.max(2, Math.floor(scale / 100));
}

function statusOf(invoice: SandboxInvoice): FlowtlyInvoiceStatus {
  switch (invoice.state) {
    case 'open': return 'sent';
    case 'partlyPaid': return 'partially_paid';
    default: return invoice.state;
  }
}

export function flowtlyRow(line: InvoiceLine, rowId: number, invoiceId: number): FlowtlyInvoiceRow {
  return {
    '@id': flowtlyRowIri(rowId),
    '@type': 'InvoiceRow',
    id: rowId,
    invoice: flowtlyInvoiceIri(invoiceId),
    classificationNumber: null,
    unit: line.unit,
    quantity: line.quantity,
    vatRate: vatRateString(line.vatRateBasisPoints),
    netPrice: minorToDecimalString(line.unitPriceMinor),
    netDiscountAmount: '0.00',
    productName: line.description,
    project: null,
    parentInvoiceRow: null,
    invoiceChildrenRows: [],
  };
}

export function flowtlyInvoiceFrom(invoice: SandboxInvoice, id: number, firstRowId: number, draft: boolean): FlowtlyInvoice {
  const paidMinor = invoice.directPayments.reduce((total, payment) => total + payment.amountMinor, 0);
  return {
    '@id': flowtlyInvoiceIri(id),
    '@type': 'Invoice',
    id,
    name: draft ? `CONCEPT-${id}` : invoice.number,
    type: 'invoice',
    status: draft ? 'draft' : statusOf(invoice),
    parent: null,
    childrenInvoices: [],
    client: `/clients/${invoice.customer.index + 1}`,
    clientName: invoice.customer.name,
    tinType: 'vat',
    tinCountry: invoice.customer.country,
    tin: invoice.customer.vatNumber,
    bankAccount: invoice.currency === 'SEK' ? '/bank-accounts/1' : '/bank-accounts/2',
    amountNet: minorToDecimalString(invoice.netMinor),
    amount: minorToDecimalString(invoice.totalMinor),
    amountPaid: minorToDecimalString(draft ? 0 : paidMinor),
    currency: invoice.currency,
    conversionRate: '1',
    generatedPdfExternalId: draft ? null : `pdf_${invoice.number}`,
    issueDate: invoice.issueDate,
    saleDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    invoiceRows: invoice.lines.map((_, n) => flowtlyRowIri(firstRowId + n)),
  };
}

/** Issued invoice `index` of the dataset (Flowtly id index + 1). */
export function flowtlyInvoice(dataset: SandboxDataset, index: number): FlowtlyInvoice {
  const offsets = dataset.index().rowOffsets;
  return flowtlyInvoiceFrom(dataset.invoiceAt(index), index + 1, (offsets[index] ?? 0) + 1, false);
}

/**
 * Draft k (0-based): drawn like an invoice past the end of the dataset, so it is as believable
 * and as deterministic; its rows are numbered after all issued invoices' rows.
 */
export function flowtlyDraft(dataset: SandboxDataset, k: number): { invoice: FlowtlyInvoice; rows: FlowtlyInvoiceRow[] } {
  const source = invoiceAt(dataset.seed, dataset.scale + k);
  const id = dataset.scale + 1 + k;
  let firstRowId = (dataset.index().rowOffsets[dataset.scale] ?? 0) + 1;
  for (let j = 0; j < k; j += 1) firstRowId += invoiceAt(dataset.seed, dataset.scale + j).lines.length;
  const invoice = flowtlyInvoiceFrom(source, id, firstRowId, true);
  return { invoice, rows: source.lines.map((line, n) => flowtlyRow(line, firstRowId + n, id)) };
}

/** Global row `position` (0-based) among issued invoices' rows. */
export function flowtlyRowAt(dataset: SandboxDataset, invoiceIndex: number, within: number): FlowtlyInvoiceRow {
  const line = dataset.invoiceAt(invoiceIndex).lines[within];
  if (!line) throw new RangeError(`invoice ${invoiceIndex} has no row ${within}`);
  return flowtlyRow(line, (dataset.index().rowOffsets[invoiceIndex] ?? 0) + within + 1, invoiceIndex + 1);
}

export function flowtlyTransactionAt(dataset: SandboxDataset, invoiceIndex: number, within: number): FlowtlyInvoiceTransaction {
  const payment = dataset.invoiceAt(invoiceIndex).directPayments[within];
  if (!payment) throw new RangeError(`invoice ${invoiceIndex} has no payment ${within}`);
  const id = (dataset.index().paymentOffsets[invoiceIndex] ?? 0) + within + 1;
  return flowtlyTransaction(id, invoiceIndex + 1, payment.amountMinor, payment.date);
}

export function flowtlyTransaction(id: number, invoiceId: number, amountMinor: number, date: string): FlowtlyInvoiceTransaction {
  const at = atMidnightUtc(date).replace('Z', '+00:00');
  return {
    '@id': flowtlyTransactionIri(id),
    '@type': 'InvoiceTransaction',
    id,
    invoice: flowtlyInvoiceIri(invoiceId),
    transaction: `/transactions/${id}`,
    amount: minorToNumber(amountMinor),
    date: at,
    createdAt: at,
    updatedAt: at,
  };
}

const card = (id: string, brand: string, last: string, month: number, year: number, deletedAt: string | null): FlowtlyPaymentMethod => ({
  '@id': `/payment-methods/${id}`,
  '@type': 'PaymentMethod',
  id,
  organization: '/organizations/1',
  type: 'card',
  ccBrand: brand,
  ccLastDigits: last,
  ccExpMonth: month,
  ccExpYear: year,
  externalId: id,
  createdAt: '2024-03-01T09:12:00+00:00',
  updatedAt: deletedAt ?? '2024-03-01T09:12:00+00:00',
  deletedAt,
  deleted: deletedAt !== null,
});

/** The organisation's stored cards (Flowtly bills its own subscription to them); one is soft-deleted. */
export const FLOWTLY_PAYMENT_METHODS: readonly FlowtlyPaymentMethod[] = [
  card('pm_1PqVisa4242', 'visa', '4242', 8, 2027, null),
  card('pm_1PqMast4444', 'mastercard', '4444', 2, 2026, null),
  card('pm_1PqAmex0005', 'amex', '0005', 11, 2024, '2024-12-01T08:00:00+00:00'),
];
