/**
 * Aptic API Gateway's view of the receivables: every invoice of the dataset, as list item
 * (GET /v1/Invoices), detail (GET /v1/Invoices/{guid}, with the documented `invoiceDat` spelling),
 * financial details and transactions. Amounts are JSON numbers; list dates are YYYY-MM-DD,
 * detail dates date-time as the reference's samples show.
 *
 * The server keeps write-endpoint changes as ApticInvoiceFacts too, so one set of functions
 * renders generated and changed invoices alike.
 */
import { apticGuidFor } from './aptic-guid';
import { atMidnightUtc, DATASET_TODAY, DATASET_TODAY_DAY, dayNumberOf } from './calendar';
import type { Currency, SandboxCustomer } from './customers';
import { collectionBalance, SELLER, type CollectionCase, type InvoiceLine, type SandboxInvoice } from './invoices';
import { minorToNumber } from './money-format';
import { STREAM, uuidFor } from './prng';

/** financeStatus (third-party enum): 0 OwnLedger, 1 Service, 2 PurchasedWithoutRecourse, 3 PurchasedWithRecourse, 4 Recoursed, 5 Pledged. */
export const FINANCE_STATUS = { ownLedger: 0, service: 1, purchasedWithoutRecourse: 2, purchasedWithRecourse: 3, recoursed: 4, pledged: 5 } as const;
/** status bit flags (third-party): 1 paid, 2 unpaid, 4 overdue, 8 reminder sent, 16 collection, 64 credited. */
export const STATUS_FLAG = { paid: 1, unpaid: 2, overdue: 4, reminderSent: 8, collection: 16, credited: 64 } as const;

export interface ApticPayment {
  guid: string;
  date: string;
  amountMinor: number;
  reference: string | null;
}

/**
 * Aptic's purchase of an invoice (its factoring), in minor units of the invoice's currency. Fees
 * are what Aptic deducts, VAT included, and the financial details give them gross only (the
 * app's reading of that is in src-main/providers/README.md). The purchased amount is the
 * invoice total; the payout is that less the purchase fee, paid on the purchase date.
 */
export interface ApticPurchase {
  date: string;
  feeMinor: number;
  recourseDate: string | null;
  recourseFeeMinor: number;
  /** When the business paid the recourse back (purchased amount plus the recourse fee). */
  recoursePaymentDate: string | null;
}

/** What Aptic charges for handing a purchased invoice back (the sandbox's price list). */
export const APTIC_RECOURSE_FEE_MINOR: Record<Currency, number> = { SEK: 15_000, EUR: 1_500 };

export interface ApticInvoiceFacts {
  index: number;
  guid: string;
  number: string;
  customer: Pick<SandboxCustomer, 'number' | 'name' | 'organisationNumber' | 'country' | 'email' | 'city'>;
  currency: Currency;
  issueDate: string;
  dueDate: string;
  registrationDate: string;
  lines: InvoiceLine[];
  totalMinor: number;
  creditedMinor: number;
  payments: ApticPayment[];
  financeStatus: number;
  purchase: ApticPurchase | null;
  disputed: boolean;
  disputeReason: string | null;
  closed: boolean;
  collection: CollectionCase | null;
}

export function apticFactsFor(seed: number, invoice: SandboxInvoice): ApticInvoiceFacts {
  // Aptic services every invoice but has bought only those sold to it; Vettig's are its own ledger's.
  const factoring = invoice.factoring?.factor === 'aptic' ? invoice.factoring : null;
  const financeStatus = !factoring
    ? FINANCE_STATUS.ownLedger
    : factoring.recourseDate
      ? FINANCE_STATUS.recoursed
      : factoring.withRecourse
        ? FINANCE_STATUS.purchasedWithRecourse
        : FINANCE_STATUS.purchasedWithoutRecourse;
  // Capital paid through the collection agency reaches the ledger as payments too.
  const collectionPayments = (invoice.collection?.payments ?? []).filter((p) => p.capitalMinor > 0).map((p) => ({ date: p.date, amountMinor: p.capitalMinor }));
  const payments = [...invoice.directPayments, ...collectionPayments].map((payment, n) => ({
    guid: uuidFor(seed, STREAM.guid, invoice.index, 100 + n),
    date: payment.date,
    amountMinor: payment.amountMinor,
    reference: null,
  }));
  return {
    index: invoice.index,
    guid: apticGuidFor(seed, invoice.index),
    number: invoice.number,
    customer: invoice.customer,
    currency: invoice.currency,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    registrationDate: invoice.issueDate,
    lines: invoice.lines,
    totalMinor: invoice.totalMinor,
    creditedMinor: invoice.creditedMinor,
    payments,
    financeStatus,
    // Aptic's price list is Vettig's, as one purchase fee (Vettig's two charges), the same payout,
    // plus its own recourse fee, paid back with the recourse.
    purchase: factoring
      ? {
          date: factoring.financedDate,
          feeMinor: factoring.handlingFeeMinor + factoring.financingFeeMinor,
          recourseDate: factoring.recourseDate,
          recourseFeeMinor: factoring.recourseDate ? APTIC_RECOURSE_FEE_MINOR[invoice.currency] : 0,
          recoursePaymentDate: factoring.recourseDate ? factoring.recoursePaymentDate : null,
        }
      : null,
    disputed: invoice.disputedDate !== null,
    disputeReason: invoice.disputedDate ? 'Kunden bestrider fakturan' : null,
    closed: false,
    collection: invoice.collection,
  };
}

export function apticPaidPrincipal(facts: ApticInvoiceFacts): number {
  return facts.payments.reduce((total, payment) => total + payment.amountMinor, 0);
}

export function apticRemainingPrincipal(facts: ApticInvoiceFacts): number {
  return facts.closed ? 0 : Math.max(0, facts.totalMinor - facts.creditedMinor - apticPaidPrincipal(facts));
}

function apticStatus(facts: ApticInvoiceFacts): number {
  if (facts.creditedMinor > 0 && facts.creditedMinor >= facts.totalMinor) return STATUS_FLAG.credited;
  const inCollection = facts.collection && facts.collection.closedDate === null ? STATUS_FLAG.collection : 0;
  if (apticRemainingPrincipal(facts) === 0) return STATUS_FLAG.paid | (facts.collection ? STATUS_FLAG.collection : 0);
  const dueDay = dayNumberOf(facts.dueDate);
  const overdue = dueDay < DATASET_TODAY_DAY ? STATUS_FLAG.overdue : 0;
  const reminded = dueDay + 10 < DATASET_TODAY_DAY ? STATUS_FLAG.reminderSent : 0;
  return STATUS_FLAG.unpaid | overdue | reminded | inCollection;
}

export interface ApticListItem {
  invoiceGuid: string;
  ledgerType: string;
  clientReferenceNumber: string;
  clientName: string;
  invoiceNumber: string;
  customerName: string;
  customerNumber: string;
  invoiceDate: string;
  dueDate: string;
  daysDue: number;
  invoiceType: string;
  registrationDate: string;
  currencyCode: string;
  originalPrincipal: number;
  remainingPrincipal: number;
  paidSum: number;
  remainingSum: number;
  service: string;
  status: number;
  financeStatus: number;
  purchasable: number;
  purchased: boolean;
  /** Added by the sandbox: the list has no documented dispute field, and a dispute must show. */
  disputed: boolean;
}

function isPurchased(financeStatus: number): boolean {
  return financeStatus === FINANCE_STATUS.purchasedWithoutRecourse || financeStatus === FINANCE_STATUS.purchasedWithRecourse || financeStatus === FINANCE_STATUS.recoursed;
}

export function apticListItem(facts: ApticInvoiceFacts): ApticListItem {
  const remainingPrincipal = apticRemainingPrincipal(facts);
  const balance = facts.collection ? collectionBalance(facts.collection) : null;
  const feesPaid = balance ? balance.interestPaid + balance.costsPaid : 0;
  const feesOutstanding = balance && !facts.closed ? balance.interestOutstanding + balance.costsOutstanding : 0;
  const purchased = isPurchased(facts.financeStatus);
  return {
    invoiceGuid: facts.guid,
    ledgerType: 'Invoice',
    clientReferenceNumber: SELLER.clientReference,
    clientName: SELLER.name,
    invoiceNumber: facts.number,
    customerName: facts.customer.name,
    customerNumber: facts.customer.number,
    invoiceDate: facts.issueDate,
    dueDate: facts.dueDate,
    daysDue: remainingPrincipal > 0 ? Math.max(0, DATASET_TODAY_DAY - dayNumberOf(facts.dueDate)) : 0,
    invoiceType: 'Invoice',
    registrationDate: facts.registrationDate,
    currencyCode: facts.currency,
    originalPrincipal: minorToNumber(facts.totalMinor),
    remainingPrincipal: minorToNumber(remainingPrincipal),
    paidSum: minorToNumber(apticPaidPrincipal(facts) + feesPaid),
    remainingSum: minorToNumber(remainingPrincipal + feesOutstanding),
    service: facts.collection ? 'Collection' : 'ReceivableLdg',
    status: apticStatus(facts),
    financeStatus: facts.financeStatus,
    purchasable: !purchased && remainingPrincipal > 0 && !facts.collection && !facts.disputed ? 1 : 0,
    purchased,
    disputed: facts.disputed,
  };
}

export function apticDetail(facts: ApticInvoiceFacts): Record<string, unknown> {
  const balance = facts.collection ? collectionBalance(facts.collection) : null;
  return {
    creditorReference: SELLER.clientReference,
    invoiceNumber: facts.number,
    deliverySystemCode: 'RSK',
    paymentReference: `${facts.number}${facts.index % 10}`,
    service: facts.collection ? 'Collection' : 'ReceivableLdg',
    claimantName: SELLER.name,
    invoiceDat: atMidnightUtc(facts.issueDate),
    dueDate: atMidnightUtc(facts.dueDate),
    purchased: isPurchased(facts.financeStatus),
    paymentCode: 'BG',
    printCode: 'EMAIL',
    formCode: 'Invoice1',
    receiverReference: facts.customer.email,
    preferredChannel: 'Email',
    externalReferenceCode: null,
    paymentProductCode: 'INVOICE',
    marketplaceReferenceCode: null,
    financeStatus: facts.financeStatus,
    customer: {
      customerNumber: facts.customer.number,
      name: facts.customer.name,
      organizationNumber: facts.customer.organisationNumber,
      countryCode: facts.customer.country,
      email: facts.customer.email,
      city: facts.customer.city,
    },
    debts: facts.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: minorToNumber(line.unitPriceMinor),
      vatPercentage: line.vatRateBasisPoints / 100,
      amount: minorToNumber(line.netMinor),
      vatAmount: minorToNumber(line.vatMinor),
      totalAmount: minorToNumber(line.netMinor + line.vatMinor),
    })),
    fees: balance && facts.collection ? [{ feeType: 'CollectionCost', amount: minorToNumber(facts.collection.costsMinor), paid: minorToNumber(balance.costsPaid) }] : [],
    registrationDate: atMidnightUtc(facts.registrationDate),
    links: [
      { rel: 'self', href: `/v1/Invoices/${facts.guid}` },
      { rel: 'financialDetails', href: `/v1/Invoices/${facts.guid}/FinancialDetails` },
      { rel: 'transactions', href: `/v1/Invoices/${facts.guid}/Transactions` },
    ],
    disputed: facts.disputed,
    closed: facts.closed,
  };
}

export function apticFinancialDetails(facts: ApticInvoiceFacts): Record<string, unknown> {
  const collection = facts.collection;
  const balance = collection ? collectionBalance(collection) : null;
  return {
    financialInterestInformation: {
      interestRate: collection ? collection.interestRateBasisPoints / 100 : 0,
      interestAmount: minorToNumber(collection?.interestMinor ?? 0),
      interestPaid: minorToNumber(balance?.interestPaid ?? 0),
      calculatedUntil: atMidnightUtc(collection?.closedDate ?? DATASET_TODAY),
    },
    purchaseInformation: apticPurchaseInformation(facts),
    creditorFeeInformation: collection ? [{ feeType: 'CollectionCost', amount: minorToNumber(collection.costsMinor), currencyCode: facts.currency }] : [],
  };
}

/**
 * The purchase part of the financial details. The reference leaves its fields out; these are
 * the names the Purchase and Recourse requests use (purchaseFeeAmount, purchaseFeePercentage,
 * purchaseFeeCurrency, recourseFee, recourseFeeCurrency) plus the dates and amounts a booked
 * purchase has. For a purchased invoice: payoutAmount = purchasedAmount - purchaseFeeAmount, and
 * recoursePaymentAmount = recourseAmount + recourseFee.
 */
function apticPurchaseInformation(facts: ApticInvoiceFacts): Record<string, unknown> {
  const purchase = isPurchased(facts.financeStatus) ? facts.purchase : null;
  if (!purchase) {
    return { purchased: false, financeStatus: facts.financeStatus, purchaseDate: null, purchasedAmount: 0, recourseDate: null };
  }
  const at = (date: string | null) => (date ? atMidnightUtc(date) : null);
  const recoursed = purchase.recourseDate !== null;
  return {
    purchased: true,
    financeStatus: facts.financeStatus,
    purchaseDate: at(purchase.date),
    purchasedAmount: minorToNumber(facts.totalMinor),
    purchaseFeeAmount: minorToNumber(purchase.feeMinor),
    purchaseFeePercentage: Math.round((purchase.feeMinor * 10_000) / facts.totalMinor) / 100,
    purchaseFeeCurrency: facts.currency,
    payoutDate: at(purchase.date),
    payoutAmount: minorToNumber(facts.totalMinor - purchase.feeMinor),
    recourseDate: at(purchase.recourseDate),
    recourseAmount: recoursed ? minorToNumber(facts.totalMinor) : null,
    recourseFee: recoursed ? minorToNumber(purchase.recourseFeeMinor) : null,
    recourseFeeCurrency: recoursed ? facts.currency : null,
    recoursePaymentDate: at(purchase.recoursePaymentDate),
    recoursePaymentAmount: purchase.recoursePaymentDate ? minorToNumber(facts.totalMinor + purchase.recourseFeeMinor) : null,
  };
}

export interface ApticTransaction {
  transactionGuid: string;
  transactionDate: string;
  transactionType: 'Debt' | 'Payment' | 'Credit' | 'Interest' | 'CollectionFee' | 'CollectionPayment';
  description: string;
  /** Signed: what the customer owes goes up (+) or down (-). */
  amount: number;
  currencyCode: string;
}

export function apticTransactions(facts: ApticInvoiceFacts): ApticTransaction[] {
  // Ids hang off the invoice GUID (already unique per seed and invoice), so facts need no seed.
  const id = (n: number): string => `${facts.guid.slice(0, 19)}7a00-${n.toString(16).padStart(12, '0')}`;
  const base = { currencyCode: facts.currency };
  const rows: ApticTransaction[] = [
    { ...base, transactionGuid: id(0), transactionDate: facts.issueDate, transactionType: 'Debt', description: `Faktura ${facts.number}`, amount: minorToNumber(facts.totalMinor) },
  ];
  if (facts.creditedMinor > 0) rows.push({ ...base, transactionGuid: id(1), transactionDate: facts.issueDate, transactionType: 'Credit', description: `Kredit ${facts.number}`, amount: -minorToNumber(facts.creditedMinor) });
  facts.payments.forEach((payment) => rows.push({ ...base, transactionGuid: payment.guid, transactionDate: payment.date, transactionType: 'Payment', description: payment.reference ?? 'Inbetalning', amount: -minorToNumber(payment.amountMinor) }));
  const collection = facts.collection;
  if (collection) {
    rows.push({ ...base, transactionGuid: id(2), transactionDate: collection.openedDate, transactionType: 'CollectionFee', description: 'Inkassokostnad', amount: minorToNumber(collection.costsMinor) });
    rows.push({ ...base, transactionGuid: id(3), transactionDate: collection.closedDate ?? DATASET_TODAY, transactionType: 'Interest', description: 'Dröjsmålsränta', amount: minorToNumber(collection.interestMinor) });
    collection.payments.forEach((payment, n) => {
      const fees = payment.interestMinor + payment.costsMinor;
      if (fees > 0) rows.push({ ...base, transactionGuid: id(10 + n), transactionDate: payment.date, transactionType: 'CollectionPayment', description: 'Inkasso: ränta och kostnader', amount: -minorToNumber(fees) });
    });
  }
  return rows;
}

export function apticTransactionSummary(facts: ApticInvoiceFacts): Record<string, unknown> {
  const item = apticListItem(facts);
  return {
    currencyCode: facts.currency,
    originalPrincipal: item.originalPrincipal,
    creditedSum: minorToNumber(facts.creditedMinor),
    paidSum: item.paidSum,
    remainingPrincipal: item.remainingPrincipal,
    remainingSum: item.remainingSum,
  };
}
