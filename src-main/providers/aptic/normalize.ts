import type { FinancingState, Invoice, InvoiceStatus, LedgerEvent, LedgerEventType } from '../../../src-shared/domain/records';
import { recordId } from '../../../src-shared/domain/records';
import { parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { InvalidPageError } from '../provider-failure';
import { isoDayOf } from '../../../src-shared/dates/iso-date';
import { rawFields } from '../raw-fields';
import type { ApticListItem, ApticTransaction } from './schema';

/** `status` bit flags (third-party documentation). */
const flag = { paid: 1, unpaid: 2, overdue: 4, reminderSent: 8, collection: 16, credited: 64 } as const;

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
 * costs); the principal-only figures stay in `raw`.
 */
export function normalizeApticInvoice(connectionId: string, item: ApticListItem): Invoice {
  const currency = item.currencyCode;
  const record = `Aptic invoice ${item.invoiceNumber}`;
  const money = (field: 'originalPrincipal' | 'paidSum' | 'remainingSum') =>
    parseMinorUnits(item[field], currency, { record, field });
  const outstanding = money('remainingSum');
  return {
    kind: 'invoice',
    id: recordId(connectionId, item.invoiceGuid),
    connectionId,
    provider: 'aptic',
    providerRef: item.invoiceGuid,
    number: item.invoiceNumber,
    customer: { name: item.customerName ?? null, number: item.customerNumber ?? null },
    issueDate: isoDayOf(item.invoiceDate),
    dueDate: isoDayOf(item.dueDate),
    currency,
    total: money('originalPrincipal'),
    paid: money('paidSum'),
    outstanding,
    status: statusOf(item, outstanding),
    ...financingOf(item.financeStatus),
    raw: rawFields(item),
  };
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
  invoice: ApticListItem,
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

function eventBase(connectionId: string, invoice: ApticListItem, providerRef: string) {
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
