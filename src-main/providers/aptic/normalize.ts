import type { FinancingState, Invoice, InvoiceStatus, LedgerEvent, LedgerEventType, RawFields } from '../../../src-shared/domain/records';
import { recordId } from '../../../src-shared/domain/records';
import { parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { InvalidPageError } from '../provider-failure';
import { isoDayOf } from '../../../src-shared/dates/iso-date';
import { rawFields } from '../raw-fields';
import type { ApticDetailsItem, ApticListItem, ApticTransaction } from './schema';

/** `status` bit flags (third-party documentation). */
const flag = { paid: 1, unpaid: 2, overdue: 4, reminderSent: 8, collection: 16, credited: 64 } as const;
const knownStatusBits = Object.values(flag).reduce((bits, bit) => bits | bit, 0);

/** Bits other than these are ignored; without `status` the amounts say whether it is paid. */
function statusOf(item: ApticListItem, outstanding: number): InvoiceStatus {
  const status = item.status ?? 0;
  if (status & flag.credited) return 'credited';
  if (item.disputed) return 'disputed';
  if (status & flag.paid) return 'paid';
  if (status & flag.collection) return 'in-collection';
  if (status & flag.overdue) return 'overdue';
  if (item.status == null && outstanding <= 0) return 'paid';
  return 'open';
}

/**
 * financeStatus: 0 OwnLedger, 1 Service, 2 without recourse, 3 with recourse, 4 Recoursed,
 * 5 Pledged. Missing or any other value: `unknown`, Aptic's value kept for the label.
 */
function financingOf(financeStatus: number | null | undefined): { financing: FinancingState; providerFinancing?: string } {
  switch (financeStatus) {
    case 0:
    case 1:
    case 5:
      return { financing: 'own-ledger' };
    case 2:
      return { financing: 'factored' };
    case 3:
      return { financing: 'factored-with-recourse' };
    case 4:
      return { financing: 'recoursed' };
    case null:
    case undefined:
      return { financing: 'unknown' };
    default:
      return { financing: 'unknown', providerFinancing: String(financeStatus) };
  }
}

/**
 * An Aptic list item as an invoice: `total` is the original principal, `paid` and
 * `outstanding` are Aptic's paidSum and remainingSum (both include collection interest and
 * costs). `raw` keeps only what the app reads or could not read (see `apticInvoiceRaw`).
 */
export function normalizeApticInvoice(connectionId: string, item: ApticListItem): Invoice {
  const currency = item.currencyCode;
  const record = `Aptic invoice ${item.invoiceNumber}`;
  const money = (field: 'originalPrincipal' | 'paidSum' | 'remainingSum') =>
    parseMinorUnits(item[field], currency, { record, field });
  const outstanding = money('remainingSum');
  const issueDate = isoDayOf(item.invoiceDate);
  const dueDate = isoDayOf(item.dueDate);
  return {
    kind: 'invoice',
    id: recordId(connectionId, item.invoiceGuid),
    connectionId,
    provider: 'aptic',
    providerRef: item.invoiceGuid,
    number: item.invoiceNumber,
    customer: { name: item.customerName ?? null, number: item.customerNumber ?? null },
    issueDate,
    dueDate,
    currency,
    total: money('originalPrincipal'),
    paid: money('paidSum'),
    outstanding,
    status: statusOf(item, outstanding),
    ...financingOf(item.financeStatus),
    raw: apticInvoiceRaw(item, issueDate, dueDate),
  };
}

/**
 * The provider fields an Aptic invoice keeps beside what it was normalised to. Every invoice
 * crosses to the window and into the cache, so only what is read there is kept: the client
 * reference (the Invoices search reads `raw` fields named like a reference). A value read but not
 * understood stays visible rather than lost: `status` with a bit Reskontra does not know, a date
 * that is no date. (An unknown `financeStatus` is kept as `providerFinancing`.) The rest of the
 * list entry (ledgerType, clientName, daysDue, registrationDate, remainingPrincipal, service,
 * purchasable, …) is read by no screen; actions read it fresh from Aptic (see providers/README.md).
 */
function apticInvoiceRaw(item: ApticListItem, issueDate: string | null, dueDate: string | null): RawFields {
  const raw: RawFields = {};
  if (item.clientReferenceNumber) raw.clientReferenceNumber = item.clientReferenceNumber;
  if (item.status != null && item.status !== (item.status & knownStatusBits)) raw.status = item.status;
  if (issueDate === null && item.invoiceDate) raw.invoiceDate = item.invoiceDate;
  if (dueDate === null && item.dueDate) raw.dueDate = item.dueDate;
  return raw;
}

/** Transaction types whose Aptic sign (what the customer owes) is flipped to the movement's own. */
const transactionTypes: Record<string, { type: LedgerEventType; sign: 1 | -1 }> = {
  Debt: { type: 'invoiced', sign: 1 },
  Credit: { type: 'credited', sign: -1 },
  Payment: { type: 'payment', sign: -1 },
  CollectionPayment: { type: 'payment', sign: -1 },
  Interest: { type: 'interest', sign: 1 },
  CollectionFee: { type: 'fee', sign: 1 },
  Fee: { type: 'fee', sign: 1 },
};

/**
 * A transaction as a ledger event. A type Reskontra does not know (or none) becomes `unknown`
 * with Aptic's own sign and word, so it is seen rather than failing the invoice's details.
 */
export function normalizeApticTransaction(
  connectionId: string,
  invoice: ApticDetailsItem,
  transaction: ApticTransaction,
): LedgerEvent {
  const record = `Aptic transaction ${transaction.transactionGuid} of invoice ${invoice.invoiceNumber}`;
  const providerType = transaction.transactionType ?? null;
  const known = providerType !== null && Object.hasOwn(transactionTypes, providerType) ? transactionTypes[providerType] : undefined;
  const kind = known ?? { type: 'unknown' as const, sign: 1 as const };
  const currency = transaction.currencyCode ?? invoice.currencyCode;
  const date = isoDayOf(transaction.transactionDate);
  if (!date) throw new InvalidPageError(`${record}: field transactionDate: expected a date`, { code: 'date', field: 'transactionDate' });
  const amount = parseMinorUnits(transaction.amount, currency, { record, field: 'amount' });
  return {
    ...eventBase(connectionId, invoice, `${invoice.invoiceGuid}/${transaction.transactionGuid}`),
    type: kind.type,
    ...(known === undefined && providerType !== null ? { providerType } : {}),
    date,
    currency,
    amount: kind.sign * amount,
    description: transaction.description ?? null,
    raw: rawFields(transaction),
  };
}

function eventBase(connectionId: string, invoice: ApticDetailsItem, providerRef: string) {
  return {
    kind: 'ledger-event' as const,
    id: recordId(connectionId, providerRef),
    connectionId,
    provider: 'aptic' as const,
    providerRef,
    invoiceNumber: invoice.invoiceNumber,
    invoiceId: recordId(connectionId, invoice.invoiceGuid),
    net: null,
    vat: null,
    breakdown: null,
    caseRef: null,
  };
}
