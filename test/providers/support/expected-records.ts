import {
  apticFactsFor,
  apticPaidPrincipal,
  apticRemainingPrincipal,
  apticTransactions,
  collectionBalance,
  createDataset,
  flowtlyDraftCount,
  splitFeeVat,
  type SandboxDataset,
} from '../../../sandbox/data';
import { factoringFactsOf } from '../../../sandbox/data/vettig-view';
import { apticGuidFor } from '../../../sandbox/data/aptic-guid';
import { confirmaPendingAllocations, confirmaSettlements } from '../../../sandbox/data/confirma-view';
import type { SandboxProvider } from '../../../sandbox/start-sandbox';
import type { SyncRecord, VatLine } from '../../../src-shared/domain/records';

/**
 * What a full walk of each stream must yield, computed from the sandbox's own generator in
 * integer minor units (never from the wire numbers), as comparable rows keyed by providerRef.
 */
export type Row = Record<string, string | number | null>;

export function datasetFor(seed: number, scale: number): SandboxDataset {
  return createDataset(seed, scale);
}

export function rowsOf(records: readonly SyncRecord[]): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const record of records) {
    if (rows.has(record.providerRef)) throw new Error(`record ${record.providerRef} came twice`);
    if (record.kind === 'invoice') {
      rows.set(record.providerRef, { number: record.number, currency: record.currency, total: record.total, paid: record.paid, outstanding: record.outstanding });
    } else if (record.kind === 'ledger-event') {
      rows.set(record.providerRef, { type: record.type, date: record.date, currency: record.currency, amount: record.amount, invoiceNumber: record.invoiceNumber });
    } else {
      rows.set(record.providerRef, {
        currency: record.currency,
        capital: record.balance.capital.amount,
        capitalPaid: record.balance.capital.paid,
        interest: record.balance.interest.amount,
        costs: record.balance.costs.amount,
        totalOutstanding: record.balance.totalOutstanding,
      });
    }
  }
  return rows;
}

export function expectedVettigEvents(dataset: SandboxDataset): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const facts of factoringFactsOf(dataset)) {
    const [financed, handling, financing, payout, recourse, recoursePayment] = facts.ids;
    const base = { date: facts.financedDate, currency: 'SEK', invoiceNumber: facts.invoiceNumber };
    rows.set(financed, { ...base, type: 'financed', amount: facts.totalMinor });
    rows.set(handling, { ...base, type: 'charge', amount: facts.handlingFeeMinor });
    rows.set(financing, { ...base, type: 'charge', amount: facts.financingFeeMinor });
    rows.set(payout, { ...base, type: 'payout', amount: facts.payoutMinor, invoiceNumber: null });
    if (facts.recourseDate) rows.set(recourse, { ...base, type: 'recourse', date: facts.recourseDate, amount: facts.totalMinor });
    if (facts.recoursePaymentDate) {
      rows.set(recoursePayment, { ...base, type: 'recourse-payment', date: facts.recoursePaymentDate, amount: facts.totalMinor });
    }
  }
  return rows;
}

/** Charges must split exactly into net + VAT as the generator did. */
export function expectedVettigChargeSplit(dataset: SandboxDataset): Map<string, { net: number; vat: number }> {
  const split = new Map<string, { net: number; vat: number }>();
  for (const facts of factoringFactsOf(dataset)) {
    const handling = splitFeeVat(facts.handlingFeeMinor);
    const financing = splitFeeVat(facts.financingFeeMinor);
    split.set(facts.ids[1], { net: handling.netMinor, vat: handling.vatMinor });
    split.set(facts.ids[2], { net: financing.netMinor, vat: financing.vatMinor });
  }
  return split;
}

export function expectedApticInvoices(dataset: SandboxDataset): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (let index = 0; index < dataset.scale; index += 1) {
    const facts = apticFactsFor(dataset.seed, dataset.invoiceAt(index));
    const balance = facts.collection ? collectionBalance(facts.collection) : null;
    rows.set(facts.guid, {
      number: facts.number,
      currency: facts.currency,
      total: facts.totalMinor,
      paid: apticPaidPrincipal(facts) + (balance ? balance.interestPaid + balance.costsPaid : 0),
      outstanding: apticRemainingPrincipal(facts) + (balance ? balance.interestOutstanding + balance.costsOutstanding : 0),
    });
  }
  return rows;
}

const apticSign: Record<string, number> = { Debt: 1, Credit: -1, Payment: -1, CollectionPayment: -1, Interest: 1, CollectionFee: 1 };
const apticType: Record<string, string> = {
  Debt: 'invoiced',
  Credit: 'credited',
  Payment: 'payment',
  CollectionPayment: 'payment',
  Interest: 'interest',
  CollectionFee: 'fee',
};

/** Transactions per invoice plus the purchase, its fee, payout, recourse and recourse fee and payment from the financial details. */
export function expectedApticDetails(dataset: SandboxDataset): Map<string, Row> {
  const rows = new Map<string, Row>();
  const minor = (amount: number) => Math.round(amount * 100);
  for (let index = 0; index < dataset.scale; index += 1) {
    const facts = apticFactsFor(dataset.seed, dataset.invoiceAt(index));
    const guid = apticGuidFor(dataset.seed, index);
    for (const transaction of apticTransactions(facts)) {
      rows.set(`${guid}/${transaction.transactionGuid}`, {
        type: apticType[transaction.transactionType] ?? 'unknown',
        date: transaction.transactionDate,
        currency: facts.currency,
        amount: (apticSign[transaction.transactionType] ?? 0) * minor(transaction.amount),
        invoiceNumber: facts.number,
      });
    }
    const purchase = facts.purchase;
    if (purchase && facts.financeStatus >= 2 && facts.financeStatus <= 4) {
      const base = { currency: facts.currency, invoiceNumber: facts.number };
      rows.set(`${guid}/purchase`, { ...base, type: 'financed', date: purchase.date, amount: facts.totalMinor });
      rows.set(`${guid}/purchase-fee`, { ...base, type: 'charge', date: purchase.date, amount: purchase.feeMinor });
      rows.set(`${guid}/payout`, { ...base, type: 'payout', date: purchase.date, amount: facts.totalMinor - purchase.feeMinor });
      if (purchase.recourseDate) {
        rows.set(`${guid}/recourse`, { ...base, type: 'recourse', date: purchase.recourseDate, amount: facts.totalMinor });
        rows.set(`${guid}/recourse-fee`, { ...base, type: 'charge', date: purchase.recourseDate, amount: purchase.recourseFeeMinor });
      }
      if (purchase.recoursePaymentDate) {
        rows.set(`${guid}/recourse-payment`, { ...base, type: 'recourse-payment', date: purchase.recoursePaymentDate, amount: facts.totalMinor + purchase.recourseFeeMinor });
      }
    }
  }
  return rows;
}

export function expectedFlowtlyInvoices(dataset: SandboxDataset): { issued: Map<string, Row>; drafts: number } {
  const rows = new Map<string, Row>();
  for (let index = 0; index < dataset.scale; index += 1) {
    const invoice = dataset.invoiceAt(index);
    const paid = invoice.directPayments.reduce((total, payment) => total + payment.amountMinor, 0);
    const settled = invoice.state === 'credited';
    rows.set(String(index + 1), {
      number: invoice.number,
      currency: invoice.currency,
      total: invoice.totalMinor,
      paid,
      outstanding: settled ? 0 : invoice.totalMinor - paid,
    });
  }
  return { issued: rows, drafts: flowtlyDraftCount(dataset.scale) };
}

/** Net and VAT per rate of each issued Flowtly invoice (by providerRef), summed from the generator's own lines. */
/** Each invoice's lines summed per rate, under the ref its provider gives the invoice. */
function expectedVatLines(dataset: SandboxDataset, refOf: (index: number) => string): Map<string, VatLine[]> {
  const expected = new Map<string, VatLine[]>();
  for (let index = 0; index < dataset.scale; index += 1) {
    const byRate = new Map<number, VatLine>();
    for (const line of dataset.invoiceAt(index).lines) {
      const sum = byRate.get(line.vatRateBasisPoints) ?? { rate: line.vatRateBasisPoints, net: 0, vat: 0 };
      byRate.set(line.vatRateBasisPoints, { rate: sum.rate, net: sum.net + line.netMinor, vat: sum.vat + line.vatMinor });
    }
    expected.set(refOf(index), [...byRate.values()].sort((a, b) => a.rate - b.rate));
  }
  return expected;
}

export const expectedFlowtlyVatLines = (dataset: SandboxDataset) => expectedVatLines(dataset, (index) => String(index + 1));
export const expectedApticVatLines = (dataset: SandboxDataset) => expectedVatLines(dataset, (index) => apticGuidFor(dataset.seed, index));

export function expectedFlowtlyTransactions(dataset: SandboxDataset): Map<string, Row> {
  const rows = new Map<string, Row>();
  let id = 0;
  for (let index = 0; index < dataset.scale; index += 1) {
    const invoice = dataset.invoiceAt(index);
    for (const payment of invoice.directPayments) {
      id += 1;
      rows.set(`transaction-${id}`, { type: 'payment', date: payment.date, currency: invoice.currency, amount: payment.amountMinor, invoiceNumber: invoice.number });
    }
  }
  return rows;
}

export function expectedConfirmaCases(dataset: SandboxDataset): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const index of dataset.index().collection) {
    const invoice = dataset.invoiceAt(index);
    const collection = invoice.collection;
    if (!collection) continue;
    const balance = collectionBalance(collection);
    rows.set(String(collection.caseId), {
      currency: invoice.currency,
      capital: collection.capitalMinor,
      capitalPaid: balance.capitalPaid,
      interest: collection.interestMinor,
      costs: collection.costsMinor,
      totalOutstanding: balance.totalOutstanding,
    });
  }
  return rows;
}

export function expectedConfirmaPayments(dataset: SandboxDataset, from: string | null = null, to: string | null = null): Map<string, Row> {
  return allocationRows(confirmaPendingAllocations(dataset, from, to).map((allocation) => ({ allocation, settlementDate: null })));
}

export function expectedConfirmaSettlements(dataset: SandboxDataset): Map<string, Row> {
  return allocationRows(
    confirmaSettlements(dataset).flatMap((settlement) =>
      settlement.allocations.map((allocation) => ({ allocation, settlementDate: settlement.settlementDate })),
    ),
  );
}

function allocationRows(
  entries: { allocation: { allocationId: string; allocationDate: string; currency: string; originalInvoiceNumber: string; breakdown: { amount: number }[] }; settlementDate: string | null }[],
): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const { allocation, settlementDate } of entries) {
    rows.set(`allocation-${allocation.allocationId}`, {
      type: settlementDate ? 'settlement-allocation' : 'payment',
      date: settlementDate ?? allocation.allocationDate,
      currency: allocation.currency,
      // The generator's parts are whole minor units; x100 of a two-decimal number rounds exactly.
      amount: allocation.breakdown.reduce((total, part) => total + Math.round(part.amount * 100), 0),
      invoiceNumber: allocation.originalInvoiceNumber,
    });
  }
  return rows;
}

/** The expected rows of one stream (Flowtly invoices: the issued ones; drafts are counted apart). */
export function expectedRows(dataset: SandboxDataset, provider: SandboxProvider, stream: string): Map<string, Row> {
  switch (`${provider}/${stream}`) {
    case 'vettig/events':
      return expectedVettigEvents(dataset);
    case 'flowtly/invoices': {
      const { issued } = expectedFlowtlyInvoices(dataset);
      return issued;
    }
    case 'flowtly/invoice-transactions':
      return expectedFlowtlyTransactions(dataset);
    case 'confirma/cases':
      return expectedConfirmaCases(dataset);
    case 'confirma/payments':
      return expectedConfirmaPayments(dataset);
    case 'confirma/settlements':
      return expectedConfirmaSettlements(dataset);
    case 'aptic/invoices':
      return expectedApticInvoices(dataset);
    case 'aptic/invoice-details':
      return expectedApticDetails(dataset);
    default:
      throw new Error(`no expectation for ${provider}/${stream}`);
  }
}
