/**
 * The generated business's receivables: invoice `index` is a pure function of (seed, index).
 * Invoice 0 is always the Vettig seed page's invoice 10425 (1,000 SEK, factored 2025-01-31,
 * recoursed 2025-03-15, recourse paid 2025-03-27); the rest are drawn from their own streams.
 */
import { addDays, DATASET_TODAY, DATASET_TODAY_DAY, dateOfDay, daysBetween } from './calendar';
import { customerAt, CUSTOMER_POOL_SIZE, type Currency, type SandboxCustomer } from './customers';
import { randomFor, STREAM, type Random } from './prng';
import { PRODUCTS } from './products';

/** The business whose receivables these are: the sandbox's Vettig client and Aptic/Confirma creditor. */
export const SELLER = {
  name: 'Reskontra Demo AB',
  organisationNumber: '5592240425',
  clientReference: 'RSK-1001',
} as const;

/** Invoice numbers run from here; index 0 is the seed's invoice 10425. */
export const FIRST_INVOICE_NUMBER = 10425;

export type InvoiceState = 'open' | 'partlyPaid' | 'paid' | 'overdue' | 'credited' | 'disputed' | 'collection';

export interface InvoiceLine {
  description: string;
  unit: string;
  quantity: number;
  unitPriceMinor: number;
  vatRateBasisPoints: number;
  netMinor: number;
  vatMinor: number;
}

/** A payment the customer made straight to the seller (not through a collection agency). */
export interface DirectPayment {
  date: string;
  amountMinor: number;
}

/** Who bought an invoice: a real invoice is sold to one factoring company, never two. */
export type Factor = 'vettig' | 'aptic';

/**
 * The factoring of one invoice by its one factor. Fees are VAT-inclusive; VAT is 25 % on fees.
 * Vettig books them as two charges, Aptic as one purchase fee (see aptic-view.ts).
 */
export interface Factoring {
  factor: Factor;
  financedDate: string;
  withRecourse: boolean;
  handlingFeeMinor: number;
  financingFeeMinor: number;
  payoutMinor: number;
  recourseDate: string | null;
  recoursePaymentDate: string | null;
}

export interface CollectionPayment {
  date: string;
  capitalMinor: number;
  interestMinor: number;
  costsMinor: number;
}

/** A Confirma collection case: balance = capital + interest + costs; paid + outstanding = amount. */
export interface CollectionCase {
  caseId: number;
  openedDate: string;
  closedDate: string | null;
  interestRateBasisPoints: number;
  capitalMinor: number;
  interestMinor: number;
  costsMinor: number;
  payments: CollectionPayment[];
}

export interface SandboxInvoice {
  index: number;
  number: string;
  customer: SandboxCustomer;
  currency: Currency;
  issueDate: string;
  dueDate: string;
  paymentTermsDays: number;
  lines: InvoiceLine[];
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  state: InvoiceState;
  directPayments: DirectPayment[];
  /** Principal paid: direct payments plus the capital part of collection payments. */
  paidMinor: number;
  creditedMinor: number;
  creditDate: string | null;
  /** total - credited - paid. */
  outstandingMinor: number;
  disputedDate: string | null;
  factoring: Factoring | null;
  collection: CollectionCase | null;
}

export const VETTIG_HANDLING_FEE_MINOR = 900;
export const VETTIG_FINANCING_FEE_BASIS_POINTS = 195;
const COLLECTION_INTEREST_BASIS_POINTS = 800;
const COLLECTION_COSTS_MINOR: Record<Currency, number> = { SEK: 24_000, EUR: 4_000 };

/** VAT-inclusive fee split into net and 25 % VAT, as Vettig's Charge events show it (19.5 = 15.6 + 3.9). */
export function splitFeeVat(feeMinor: number): { netMinor: number; vatMinor: number } {
  const netMinor = Math.round((feeMinor * 4) / 5);
  return { netMinor, vatMinor: feeMinor - netMinor };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const PAYMENT_TERMS_DAYS: readonly number[] = [14, 30, 30, 30, 45];

/**
 * The issue day plus `days`, but never after the dataset's today. A function of the module, not
 * a closure in invoiceAt: tsx (keepNames) names each closure as it is made, a property write per invoice.
 */
function afterIssue(issueDay: number, days: number): string {
  return dateOfDay(Math.min(issueDay + days, DATASET_TODAY_DAY));
}

function drawLines(random: Random, customer: SandboxCustomer): InvoiceLine[] {
  const count = random.int(1, 4);
  const lines: InvoiceLine[] = [];
  for (let i = 0; i < count; i += 1) {
    const product = random.pick(PRODUCTS[customer.country]);
    const quantity = random.int(1, product.maxQuantity);
    const unitPriceMinor = random.int(product.minPrice, product.maxPrice) * 100;
    const netMinor = quantity * unitPriceMinor;
    const vatMinor = Math.round((netMinor * customer.vatRateBasisPoints) / 10_000);
    lines.push({ description: product.description, unit: product.unit, quantity, unitPriceMinor, vatRateBasisPoints: customer.vatRateBasisPoints, netMinor, vatMinor });
  }
  return lines;
}

/** Vettig's price list for financing an invoice (Aptic's sandbox charges the same as one purchase fee). */
export function factoringFor(factor: Factor, totalMinor: number, financedDate: string, withRecourse: boolean): Factoring {
  const financingFeeMinor = Math.round((totalMinor * VETTIG_FINANCING_FEE_BASIS_POINTS) / 10_000);
  return {
    factor,
    financedDate,
    withRecourse,
    handlingFeeMinor: VETTIG_HANDLING_FEE_MINOR,
    financingFeeMinor,
    payoutMinor: totalMinor - VETTIG_HANDLING_FEE_MINOR - financingFeeMinor,
    recourseDate: null,
    recoursePaymentDate: null,
  };
}

/** Allocates a collection payment to costs, then interest, then capital (the usual order). */
function allocate(amountMinor: number, owed: { capital: number; interest: number; costs: number }, date: string): CollectionPayment {
  const costsMinor = Math.min(amountMinor, owed.costs);
  const interestMinor = Math.min(amountMinor - costsMinor, owed.interest);
  const capitalMinor = Math.min(amountMinor - costsMinor - interestMinor, owed.capital);
  return { date, capitalMinor, interestMinor, costsMinor };
}

/** Collection interest on the capital from the due date to `date`. */
function interestUntil(capitalMinor: number, dueDate: string, date: string): number {
  return Math.round((capitalMinor * COLLECTION_INTEREST_BASIS_POINTS * daysBetween(dueDate, date)) / 10_000 / 365);
}

function collectionFor(random: Random, index: number, currency: Currency, capitalMinor: number, dueDate: string): CollectionCase {
  const openedDate = addDays(dueDate, 30);
  const costsMinor = COLLECTION_COSTS_MINOR[currency];
  const outcome = random.next();
  const payDate = addDays(openedDate, random.int(10, 90));
  // One literal built after the outcome, not a shared base spread into each (spreading was most of
  // this function's time), and no closures (tsx names each as it is made).
  let closedDate: string | null = null;
  let interestMinor: number;
  let payments: CollectionPayment[] = [];
  if (payDate < DATASET_TODAY && outcome < 0.35) {
    interestMinor = interestUntil(capitalMinor, dueDate, payDate);
    const owed = { capital: capitalMinor, interest: interestMinor, costs: costsMinor };
    closedDate = payDate;
    payments = [allocate(capitalMinor + interestMinor + costsMinor, owed, payDate)];
  } else {
    interestMinor = interestUntil(capitalMinor, dueDate, DATASET_TODAY);
    const owedTotal = capitalMinor + interestMinor + costsMinor;
    const partial = Math.floor((owedTotal * random.int(20, 60)) / 100 / 100) * 100;
    if (payDate < DATASET_TODAY && outcome < 0.65 && partial > 0) payments = [allocate(partial, { capital: capitalMinor, interest: interestMinor, costs: costsMinor }, payDate)];
  }
  return { caseId: 500_000 + index, openedDate, interestRateBasisPoints: COLLECTION_INTEREST_BASIS_POINTS, capitalMinor, costsMinor, closedDate, interestMinor, payments };
}

function firstSwedishCustomer(seed: number): SandboxCustomer {
  for (let index = 0; ; index += 1) {
    const customer = customerAt(seed, index);
    if (customer.country === 'SE') return customer;
  }
}

/** Invoice 10425 exactly as the Vettig seed page tells its story. */
function seedExampleInvoice(seed: number): SandboxInvoice {
  const customer = firstSwedishCustomer(seed);
  const line: InvoiceLine = { description: 'Konsulttimmar', unit: 'tim', quantity: 1, unitPriceMinor: 80_000, vatRateBasisPoints: 2500, netMinor: 80_000, vatMinor: 20_000 };
  const factoring = factoringFor('vettig', 100_000, '2025-01-31', true);
  return {
    index: 0,
    number: String(FIRST_INVOICE_NUMBER),
    customer,
    currency: 'SEK',
    issueDate: '2025-01-31',
    dueDate: '2025-03-02',
    paymentTermsDays: 30,
    lines: [line],
    netMinor: 80_000,
    vatMinor: 20_000,
    totalMinor: 100_000,
    state: 'overdue',
    directPayments: [],
    paidMinor: 0,
    creditedMinor: 0,
    creditDate: null,
    outstandingMinor: 100_000,
    disputedDate: null,
    factoring: { ...factoring, recourseDate: '2025-03-15', recoursePaymentDate: '2025-03-27' },
    collection: null,
  };
}

export function invoiceAt(seed: number, index: number): SandboxInvoice {
  if (index === 0) return seedExampleInvoice(seed);
  const random = randomFor(seed, STREAM.invoice, index);
  // Squaring skews towards low customer indices: a few regulars, a long tail of one-off buyers.
  const customer = customerAt(seed, Math.floor(CUSTOMER_POOL_SIZE * random.next() ** 2));
  // Days are kept as day numbers and formatted once each: parsing the dates back was a tenth of the generator.
  const issueDay = DATASET_TODAY_DAY - random.int(0, 364);
  const issueDate = dateOfDay(issueDay);
  const paymentTermsDays = random.pick(PAYMENT_TERMS_DAYS);
  const dueDay = issueDay + paymentTermsDays;
  const dueDate = dateOfDay(dueDay);
  const lines = drawLines(random, customer);
  let netMinor = 0;
  let vatMinor = 0;
  for (const line of lines) {
    netMinor += line.netMinor;
    vatMinor += line.vatMinor;
  }
  const totalMinor = netMinor + vatMinor;
  const overdueDays = DATASET_TODAY_DAY - dueDay;

  const stateRoll = random.next();
  const outcomeRoll = random.next();
  let state: InvoiceState;
  if (stateRoll < 0.04) state = 'credited';
  else if (stateRoll < 0.07) state = 'disputed';
  else if (overdueDays > 0) {
    if (outcomeRoll < 0.62) state = 'paid';
    else if (outcomeRoll < 0.72) state = 'partlyPaid';
    else if (outcomeRoll < 0.88 || overdueDays <= 35) state = 'overdue';
    else state = 'collection';
  } else state = outcomeRoll < 0.2 ? 'paid' : outcomeRoll < 0.27 ? 'partlyPaid' : 'open';

  const factored = customer.currency === 'SEK' && state !== 'credited' && state !== 'disputed' && random.chance(0.22);
  // A factored invoice is its factor's to chase; it never goes to the seller's collection agency.
  if (factored && state === 'collection') state = 'overdue';

  const paymentDate = afterIssue(issueDay, random.int(3, paymentTermsDays + 10));
  // Customers pay round sums; on a tiny invoice a round share could be nothing, so pay half instead.
  const roundShare = Math.floor((totalMinor * random.int(20, 70)) / 100 / 100) * 100;
  const partialMinor = roundShare > 0 ? roundShare : Math.floor(totalMinor / 2);
  const directPayments: DirectPayment[] =
    state === 'paid' ? [{ date: paymentDate, amountMinor: totalMinor }] : state === 'partlyPaid' ? [{ date: paymentDate, amountMinor: partialMinor }] : [];

  const creditedMinor = state === 'credited' ? totalMinor : 0;
  const creditDate = state === 'credited' ? afterIssue(issueDay, random.int(2, 20)) : null;
  const disputedDate = state === 'disputed' ? afterIssue(issueDay, random.int(5, 20)) : null;

  let factoring: Factoring | null = null;
  if (factored) {
    const withRecourse = random.chance(0.7);
    // Drawn last, so adding it left every earlier draw (and so the rest of the invoice) as it was.
    factoring = factoringFor(random.chance(0.5) ? 'vettig' : 'aptic', totalMinor, issueDate, withRecourse);
    if (factoring.withRecourse && state === 'overdue' && overdueDays > 14) {
      factoring.recourseDate = dateOfDay(dueDay + 14);
      factoring.recoursePaymentDate = dueDay + 26 <= DATASET_TODAY_DAY ? dateOfDay(dueDay + 26) : null;
    }
  }

  const directPaidMinor = sum(directPayments.map((payment) => payment.amountMinor));
  const collection = state === 'collection' ? collectionFor(randomFor(seed, STREAM.caseDetails, index), index, customer.currency, totalMinor - directPaidMinor, dueDate) : null;
  const paidMinor = directPaidMinor + sum((collection?.payments ?? []).map((payment) => payment.capitalMinor));

  return {
    index,
    number: String(FIRST_INVOICE_NUMBER + index),
    customer,
    currency: customer.currency,
    issueDate,
    dueDate,
    paymentTermsDays,
    lines,
    netMinor,
    vatMinor,
    totalMinor,
    state,
    directPayments,
    paidMinor,
    creditedMinor,
    creditDate,
    outstandingMinor: totalMinor - creditedMinor - paidMinor,
    disputedDate,
    factoring,
    collection,
  };
}

/** Collection balance as Confirma reports it. */
export function collectionBalance(collection: CollectionCase): {
  capitalPaid: number; interestPaid: number; costsPaid: number;
  capitalOutstanding: number; interestOutstanding: number; costsOutstanding: number; totalOutstanding: number;
} {
  const capitalPaid = sum(collection.payments.map((p) => p.capitalMinor));
  const interestPaid = sum(collection.payments.map((p) => p.interestMinor));
  const costsPaid = sum(collection.payments.map((p) => p.costsMinor));
  const capitalOutstanding = collection.capitalMinor - capitalPaid;
  const interestOutstanding = collection.interestMinor - interestPaid;
  const costsOutstanding = collection.costsMinor - costsPaid;
  return { capitalPaid, interestPaid, costsPaid, capitalOutstanding, interestOutstanding, costsOutstanding, totalOutstanding: capitalOutstanding + interestOutstanding + costsOutstanding };
}
