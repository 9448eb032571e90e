/**
 * Confirma Finance's view: one collection case per dataset invoice in collection
 * (GET /api/v1/partner/invoice/case, shape exactly as the seed, `occuredAt` in notes included),
 * the distribution of those invoices, allocations not yet settled (/payments) and monthly
 * settlements (/settlements). Money is JSON numbers with two decimals at most.
 */
import { addDays, atMidnightUtc, DATASET_TODAY, daysBetween, settlementDateFor } from './calendar';
import type { SandboxDataset } from './dataset';
import { collectionBalance, SELLER, type CollectionPayment, type SandboxInvoice } from './invoices';
import { minorToNumber } from './money-format';

export const CONFIRMA_AGENCY = 'Confirma Finance';

export interface ConfirmaAction { type: string; status: number; comment: string; occurredAt: string }
export interface ConfirmaNote { title: string; content: string; occuredAt: string }

/** What write endpoints add to a case; the server keeps these per case id. */
export interface ConfirmaCaseAdditions {
  actions: ConfirmaAction[];
  notes: ConfirmaNote[];
}

const at = (date: string, time = '08:00:00.000'): string => `${date}T${time}Z`;

function paymentTotal(payment: CollectionPayment): number {
  return payment.capitalMinor + payment.interestMinor + payment.costsMinor;
}

function isSettled(payment: CollectionPayment): boolean {
  return settlementDateFor(payment.date) <= DATASET_TODAY;
}

export function confirmaCase(invoice: SandboxInvoice, additions: ConfirmaCaseAdditions = { actions: [], notes: [] }): Record<string, unknown> {
  const collection = invoice.collection;
  if (!collection) throw new RangeError(`invoice ${invoice.number} has no collection case`);
  const balance = collectionBalance(collection);
  const closed = collection.closedDate !== null;
  const sentAt = addDays(collection.openedDate, 1);
  const timeline = [
    { type: 'CASE_CREATED', occurredAt: at(collection.openedDate) },
    { type: 'DEMAND_LETTER_SENT', occurredAt: at(sentAt) },
    ...collection.payments.map((payment) => ({ type: 'PAYMENT_RECEIVED', occurredAt: at(payment.date, '12:00:00.000') })),
    ...(collection.closedDate ? [{ type: 'CASE_CLOSED', occurredAt: at(collection.closedDate, '18:00:00.000') }] : []),
  ];
  return {
    summary: {
      caseId: collection.caseId,
      status: closed ? 'CLOSED' : 'ACTIVE',
      stage: closed ? 'CLOSED' : 'COLLECTION',
      createdAt: at(collection.openedDate),
      closedAt: collection.closedDate,
      activeDays: daysBetween(collection.openedDate, collection.closedDate ?? DATASET_TODAY),
      creditor: SELLER.name,
      currency: invoice.currency,
      agency: CONFIRMA_AGENCY,
    },
    balance: {
      capitalAmount: minorToNumber(collection.capitalMinor),
      interestAmount: minorToNumber(collection.interestMinor),
      costsAmount: minorToNumber(collection.costsMinor),
      capitalPaid: minorToNumber(balance.capitalPaid),
      interestPaid: minorToNumber(balance.interestPaid),
      costsPaid: minorToNumber(balance.costsPaid),
      capitalOutstanding: minorToNumber(balance.capitalOutstanding),
      interestOutstanding: minorToNumber(balance.interestOutstanding),
      costsOutstanding: minorToNumber(balance.costsOutstanding),
      totalOutstanding: minorToNumber(balance.totalOutstanding),
      asOf: at(collection.closedDate ?? DATASET_TODAY, '00:00:00.000'),
    },
    invoices: [
      {
        invoiceNumber: invoice.number,
        reference: null,
        originalReference: null,
        invoiceDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        createdDate: collection.openedDate,
        subject: null,
        invoiceDocUrl: `/documents/invoices/${invoice.number}.pdf`,
        interestCalculation: 'FIXED',
        interestRate: collection.interestRateBasisPoints / 100,
        capitalAmount: minorToNumber(collection.capitalMinor),
        capitalPaid: minorToNumber(balance.capitalPaid),
        interestAmount: minorToNumber(collection.interestMinor),
        interestPaid: minorToNumber(balance.interestPaid),
        distribution: {
          method: 'LETTER',
          channel: 'POSTNORD',
          distributedAt: sentAt,
          paymentControlEnabled: true,
          information: 'Inkassokrav skickat',
          updatedAt: at(sentAt),
        },
        timeline,
      },
    ],
    payments: collection.payments.map((payment) => ({
      invoiceNumber: invoice.number,
      createdAt: payment.date,
      bankPaymentDate: payment.date,
      allocatedAt: payment.date,
      amount: minorToNumber(paymentTotal(payment)),
      currency: invoice.currency,
      description: `Inbetalning ärende ${collection.caseId}`,
      method: 'BANK_TRANSFER',
      status: isSettled(payment) ? 'SETTLED' : 'ALLOCATED',
    })),
    events: [
      { title: 'Ärende registrerat', description: `Faktura ${invoice.number} överlämnad för inkasso`, state: 0, occurredAt: at(collection.openedDate) },
      { title: 'Inkassokrav skickat', description: `Krav till ${invoice.customer.name}`, state: 0, occurredAt: at(sentAt) },
      ...(collection.closedDate ? [{ title: 'Ärende avslutat', description: 'Fullt betalt', state: 1, occurredAt: at(collection.closedDate, '18:00:00.000') }] : []),
    ],
    actions: additions.actions,
    notes: [{ title: 'Kundkontakt', content: `Kravbrev skickat till ${invoice.customer.city}`, occuredAt: at(sentAt, '09:30:00.000') }, ...additions.notes],
  };
}

export interface ConfirmaAllocation {
  allocationId: string;
  allocatedTotalAmount: number;
  allocationDate: string;
  currency: string;
  caseId: number;
  originalInvoiceNumber: string;
  originalPaymentReference: string;
  breakdown: { type: 'CAPITAL' | 'INTEREST' | 'FEES'; amount: number }[];
}

function allocationFor(invoice: SandboxInvoice, payment: CollectionPayment, n: number): ConfirmaAllocation {
  const caseId = invoice.collection?.caseId ?? 0;
  return {
    allocationId: `ALC-${caseId}-${n + 1}`,
    allocatedTotalAmount: minorToNumber(paymentTotal(payment)),
    allocationDate: payment.date,
    currency: invoice.currency,
    caseId,
    originalInvoiceNumber: invoice.number,
    originalPaymentReference: `${caseId}${n + 1}`,
    breakdown: [
      { type: 'CAPITAL', amount: minorToNumber(payment.capitalMinor) },
      { type: 'INTEREST', amount: minorToNumber(payment.interestMinor) },
      { type: 'FEES', amount: minorToNumber(payment.costsMinor) },
    ],
  };
}

/** Every collection payment in the dataset with its invoice, in case order. */
function collectionPayments(dataset: SandboxDataset): { invoice: SandboxInvoice; payment: CollectionPayment; n: number }[] {
  const rows: { invoice: SandboxInvoice; payment: CollectionPayment; n: number }[] = [];
  for (const index of dataset.index().collection) {
    const invoice = dataset.invoiceAt(index);
    invoice.collection?.payments.forEach((payment, n) => rows.push({ invoice, payment, n }));
  }
  return rows;
}

/** Allocations not yet settled (settled on the 10th of the following month), paid within [fromDate, toDate]. */
export function confirmaPendingAllocations(dataset: SandboxDataset, fromDate: string | null, toDate: string | null): ConfirmaAllocation[] {
  return collectionPayments(dataset)
    .filter(({ payment }) => !isSettled(payment) && (!fromDate || payment.date >= fromDate) && (!toDate || payment.date <= toDate))
    .map(({ invoice, payment, n }) => allocationFor(invoice, payment, n));
}

export interface ConfirmaSettlement {
  settlementId: string;
  settlementDate: string;
  agency: string;
  remittanceReference: string;
  beneficiary: { name: string; iban: string; bic: string };
  settlementAmount: number;
  currency: string;
  allocations: ConfirmaAllocation[];
}

const BENEFICIARY_ACCOUNTS: Record<string, { iban: string; bic: string }> = {
  SEK: { iban: 'SE4550000000058398257466', bic: 'ESSESESS' },
  EUR: { iban: 'FI2112345600000785', bic: 'NDEAFIHH' },
};

/** One settlement per month and currency, oldest first; only those already paid out by the dataset's today. */
export function confirmaSettlements(dataset: SandboxDataset): ConfirmaSettlement[] {
  const byKey = new Map<string, ConfirmaSettlement & { totalMinor: number }>();
  for (const { invoice, payment, n } of collectionPayments(dataset)) {
    if (!isSettled(payment)) continue;
    const settlementDate = settlementDateFor(payment.date);
    const key = `${settlementDate}-${invoice.currency}`;
    let settlement = byKey.get(key);
    if (!settlement) {
      const id = `STL-${settlementDate.replaceAll('-', '')}-${invoice.currency}`;
      settlement = {
        settlementId: id,
        settlementDate,
        agency: CONFIRMA_AGENCY,
        remittanceReference: `RF${id.replaceAll('-', '')}`,
        beneficiary: { name: SELLER.name, ...(BENEFICIARY_ACCOUNTS[invoice.currency] ?? { iban: '', bic: '' }) },
        settlementAmount: 0,
        currency: invoice.currency,
        allocations: [],
        totalMinor: 0,
      };
      byKey.set(key, settlement);
    }
    settlement.allocations.push(allocationFor(invoice, payment, n));
    settlement.totalMinor += paymentTotal(payment);
  }
  return [...byKey.values()]
    .sort((a, b) => (a.settlementId < b.settlementId ? -1 : 1))
    .map(({ totalMinor, ...settlement }) => ({ ...settlement, settlementAmount: minorToNumber(totalMinor) }));
}

export interface ConfirmaDistributionRow {
  invoiceNumber: string;
  caseId: number | null;
  invoiceDate: string;
  dueDate: string;
  status: 'DISTRIBUTED' | 'FAILED';
  method: string;
  channel: string;
  distributedAt: string | null;
  paymentControlEnabled: boolean;
  information: string;
}

/** Distribution state of an invoice Confirma holds; roughly one in seventeen letters bounces. */
export function confirmaDistributionRow(invoice: SandboxInvoice): ConfirmaDistributionRow {
  const caseId = invoice.collection?.caseId ?? null;
  const failed = invoice.index % 17 === 5;
  return {
    invoiceNumber: invoice.number,
    caseId,
    invoiceDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    status: failed ? 'FAILED' : 'DISTRIBUTED',
    method: 'LETTER',
    channel: 'POSTNORD',
    distributedAt: failed ? null : atMidnightUtc(invoice.collection ? addDays(invoice.collection.openedDate, 1) : invoice.issueDate),
    paymentControlEnabled: true,
    information: failed ? 'Adressen saknas' : 'Levererad',
  };
}
