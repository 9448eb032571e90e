/**
 * Vettig's factoring events ledger for the seller's organisation number, as
 * GET /v2/factoring/events/{organisationNumber} (v2) and /factoring/events/{organisationNumber} (v1)
 * return it. Invoice 10425's six v2 events are the seed page's, verbatim (ids included).
 */
import { minDate, DATASET_TODAY } from './calendar';
import type { SandboxDataset } from './dataset';
import { splitFeeVat, type SandboxInvoice } from './invoices';
import { minorToNumber } from './money-format';
import { STREAM, uuidFor } from './prng';

export type VettigEventV2 =
  | { id: string; type: 'InvoiceFactoring'; date: string; invoiceNumber: string; amount: number }
  | { id: string; type: 'Charge'; date: string; description: string; invoiceNumber: string; amount: number; amountExclVat: number; vat: number }
  | { id: string; type: 'ClientPayout'; date: string; amount: number }
  | { id: string; type: 'InvoiceRecourse'; date: string; invoiceNumber: string; amount: number }
  | { id: string; type: 'InvoiceRecoursePayment'; date: string; invoiceNumber: string; amount: number };

/**
 * v1 folds the two charges and the payout into one InvoicePayment per invoice: amount is the
 * payout, chargesTotal the VAT-inclusive charges, chargesVat their VAT (the sandbox's reading of
 * "folds fees into InvoicePayment with chargesTotal, chargesVat").
 */
export type VettigEventV1 =
  | { id: string; type: 'InvoiceFactoring'; date: string; invoiceNumber: string; amount: number }
  | { id: string; type: 'InvoicePayment'; date: string; invoiceNumber: string; amount: number; chargesTotal: number; chargesVat: number }
  | { id: string; type: 'InvoiceRecourse'; date: string; invoiceNumber: string; amount: number }
  | { id: string; type: 'InvoiceRecoursePayment'; date: string; invoiceNumber: string; amount: number };

/** The seed page's example, byte for byte in meaning (key order included). */
export const VETTIG_SEED_EVENTS: readonly VettigEventV2[] = [
  { id: '470d6f5a-f3a3-442f-8a09-a2d7953529ae', type: 'InvoiceFactoring', date: '2025-01-31', invoiceNumber: '10425', amount: 1000 },
  { id: '2be907e0-4beb-4039-b783-8ff4132c01a6', type: 'Charge', date: '2025-01-31', description: 'Fakturahantering: 10425', invoiceNumber: '10425', amount: 9, amountExclVat: 7.2, vat: 1.8 },
  { id: 'cb707a58-4866-4968-9687-17d93b245c52', type: 'Charge', date: '2025-01-31', description: 'Fakturafinansiering (1.95%): 10425', invoiceNumber: '10425', amount: 19.5, amountExclVat: 15.6, vat: 3.9 },
  { id: 'f207093c-d29a-48b5-b06e-8229c4c55ffb', type: 'ClientPayout', date: '2025-01-31', amount: 971.5 },
  { id: 'eb8e7019-cef7-4ab7-a66d-ff9e87166a4d', type: 'InvoiceRecourse', date: '2025-03-15', invoiceNumber: '10425', amount: 1000 },
  { id: '3f108f51-db88-4454-bb09-4a7471db4d3e', type: 'InvoiceRecoursePayment', date: '2025-03-27', invoiceNumber: '10425', amount: 1000 },
];

/** What a factored invoice's events are made of, in minor units, before either wire version. */
export interface FactoringFacts {
  invoiceNumber: string;
  totalMinor: number;
  financedDate: string;
  handlingFeeMinor: number;
  financingFeeMinor: number;
  payoutMinor: number;
  recourseDate: string | null;
  recoursePaymentDate: string | null;
  /** Stable per-event ids: [factoring, handling charge, financing charge, payout, recourse, recourse payment]. */
  ids: readonly [string, string, string, string, string, string];
}

export function factoringFactsFor(seed: number, invoice: SandboxInvoice): FactoringFacts | null {
  const factoring = invoice.factoring;
  if (factoring?.factor !== 'vettig') return null;
  const id = (n: 0 | 1 | 2 | 3 | 4 | 5): string =>
    invoice.index === 0 ? (VETTIG_SEED_EVENTS[n]?.id ?? '') : uuidFor(seed, STREAM.eventId, invoice.index, n);
  const ids = [id(0), id(1), id(2), id(3), id(4), id(5)] as const;
  return {
    invoiceNumber: invoice.number,
    totalMinor: invoice.totalMinor,
    financedDate: factoring.financedDate,
    handlingFeeMinor: factoring.handlingFeeMinor,
    financingFeeMinor: factoring.financingFeeMinor,
    payoutMinor: factoring.payoutMinor,
    recourseDate: factoring.recourseDate ? minDate(factoring.recourseDate, DATASET_TODAY) : null,
    recoursePaymentDate: factoring.recoursePaymentDate,
    ids,
  };
}

export function eventsV2For(facts: FactoringFacts): VettigEventV2[] {
  const [factoringId, handlingId, financingId, payoutId, recourseId, recoursePaymentId] = facts.ids;
  const { invoiceNumber, financedDate: date } = facts;
  const handling = splitFeeVat(facts.handlingFeeMinor);
  const financing = splitFeeVat(facts.financingFeeMinor);
  const events: VettigEventV2[] = [
    { id: factoringId, type: 'InvoiceFactoring', date, invoiceNumber, amount: minorToNumber(facts.totalMinor) },
    { id: handlingId, type: 'Charge', date, description: `Fakturahantering: ${invoiceNumber}`, invoiceNumber, amount: minorToNumber(facts.handlingFeeMinor), amountExclVat: minorToNumber(handling.netMinor), vat: minorToNumber(handling.vatMinor) },
    { id: financingId, type: 'Charge', date, description: `Fakturafinansiering (1.95%): ${invoiceNumber}`, invoiceNumber, amount: minorToNumber(facts.financingFeeMinor), amountExclVat: minorToNumber(financing.netMinor), vat: minorToNumber(financing.vatMinor) },
    { id: payoutId, type: 'ClientPayout', date, amount: minorToNumber(facts.payoutMinor) },
  ];
  if (facts.recourseDate) events.push({ id: recourseId, type: 'InvoiceRecourse', date: facts.recourseDate, invoiceNumber, amount: minorToNumber(facts.totalMinor) });
  if (facts.recoursePaymentDate) events.push({ id: recoursePaymentId, type: 'InvoiceRecoursePayment', date: facts.recoursePaymentDate, invoiceNumber, amount: minorToNumber(facts.totalMinor) });
  return events;
}

export function eventsV1For(facts: FactoringFacts): VettigEventV1[] {
  const [factoringId, , , payoutId, recourseId, recoursePaymentId] = facts.ids;
  const { invoiceNumber, financedDate: date } = facts;
  const chargesMinor = facts.handlingFeeMinor + facts.financingFeeMinor;
  const chargesVatMinor = splitFeeVat(facts.handlingFeeMinor).vatMinor + splitFeeVat(facts.financingFeeMinor).vatMinor;
  const events: VettigEventV1[] = [
    { id: factoringId, type: 'InvoiceFactoring', date, invoiceNumber, amount: minorToNumber(facts.totalMinor) },
    { id: payoutId, type: 'InvoicePayment', date, invoiceNumber, amount: minorToNumber(facts.payoutMinor), chargesTotal: minorToNumber(chargesMinor), chargesVat: minorToNumber(chargesVatMinor) },
  ];
  if (facts.recourseDate) events.push({ id: recourseId, type: 'InvoiceRecourse', date: facts.recourseDate, invoiceNumber, amount: minorToNumber(facts.totalMinor) });
  if (facts.recoursePaymentDate) events.push({ id: recoursePaymentId, type: 'InvoiceRecoursePayment', date: facts.recoursePaymentDate, invoiceNumber, amount: minorToNumber(facts.totalMinor) });
  return events;
}

/** The facts of every invoice Vettig factored, in invoice order. */
export function factoringFactsOf(dataset: SandboxDataset): FactoringFacts[] {
  const facts: FactoringFacts[] = [];
  for (const index of dataset.index().factored) {
    const fact = factoringFactsFor(dataset.seed, dataset.invoiceAt(index));
    if (fact) facts.push(fact);
  }
  return facts;
}

/** Events ordered by date; within a date, in invoice order (a stable sort keeps each invoice's own order). */
export function sortedByDate<T extends { date: string }>(events: T[]): T[] {
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function vettigEventsV2(dataset: SandboxDataset): VettigEventV2[] {
  return sortedByDate(factoringFactsOf(dataset).flatMap(eventsV2For));
}

export function vettigEventsV1(dataset: SandboxDataset): VettigEventV1[] {
  return sortedByDate(factoringFactsOf(dataset).flatMap(eventsV1For));
}
