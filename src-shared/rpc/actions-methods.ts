import { z } from 'zod';
import { connectionIdSchema } from '../domain/connection';
import type { FinancingState } from '../domain/records';
import { isIsoDate } from '../dates/iso-date';
import { method } from './method';

/**
 * Writes to a provider, one method per kind of action, and the fresh reads each write is
 * checked against. None of the providers offers idempotency keys or version checks, so main
 * sends each write exactly once (never retried); the renderer's outbox decides, from a fresh
 * read, whether a write is needed, still allowed, and whether it took effect.
 */

/** An invoice as its provider holds it right now (Aptic): what the preconditions compare. */
export interface InvoiceNow {
  invoiceRef: string;
  number: string;
  currency: string;
  dueDate: string | null;
  /** Remaining principal, minor units. */
  remaining: number;
  disputed: boolean;
  /** Still owed and not closed: the state changes and payments need it. */
  open: boolean;
  financing: FinancingState;
  /** Aptic's `purchasable`: 0 not purchasable, 1 purchasable, 2 only with recourse; null when it does not say. */
  purchasable: number | null;
}

/**
 * What Aptic states before a purchase (`GET …/{guid}/Purchase?initialValues=true`). Its documents
 * say the fee "will be calculated if omitted" and give no quote: a figure Aptic leaves out stays
 * null and is shown as not known, never estimated.
 */
export interface PurchaseTerms {
  invoiceRef: string;
  currency: string;
  /** Minor units of `currency`. */
  feeAmount: number | null;
  /** Percent of the invoice, as Aptic writes it. */
  feePercentage: number | null;
}

/**
 * One invoice's financing at Vettig, read from its events (Vettig has no per-invoice read), and
 * the fees it charged on earlier financings: Vettig publishes no fee quote, so that history is
 * all Reskontra can show before the user confirms.
 */
export interface FinancingNow {
  invoiceNumber: string;
  currency: string;
  financed: boolean;
  /** Every invoice Vettig financed for this connection: the amounts financed and the charges (VAT included), minor units. */
  history: { invoices: number; financed: number; charges: number };
}

/** A collection case as its provider holds it right now (Confirma). */
export interface CaseNow {
  caseRef: string;
  caseNumber: string;
  status: string;
  stage: string | null;
  /** The text of every comment on the case, so a comment already there is not sent again. */
  comments: string[];
}

const ref = z.string().min(1).max(200);
const isoDate = z.string().refine(isIsoDate, 'a date as YYYY-MM-DD');

export const invoiceTarget = { connectionId: connectionIdSchema, invoiceRef: ref };
export const caseTarget = { connectionId: connectionIdSchema, caseRef: ref };

export const disputeInput = z.object({ ...invoiceTarget, disputed: z.boolean(), reason: z.string().max(500).nullable() }).strict();
export const postponeInput = z.object({ ...invoiceTarget, newDueDate: isoDate }).strict();
export const paymentInput = z
  .object({
    ...invoiceTarget,
    /** Minor units of `currency`. */
    amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/),
    paymentDate: isoDate,
    reference: z.string().max(100).nullable(),
  })
  .strict();
export const commentInput = z.object({ ...caseTarget, comment: z.string().trim().min(1).max(1000) }).strict();
/** Aptic close: the invoice stops being collected; its closure code and note as Aptic's reference names them. */
export const closeInput = z.object({ ...invoiceTarget, closureCode: z.string().max(50).nullable(), note: z.string().max(500).nullable() }).strict();
/** Aptic purchase: the fee left out (Aptic calculates it); recourse days when Aptic buys only with recourse. */
export const purchaseInput = z.object({ ...invoiceTarget, recourseDays: z.number().int().min(1).max(365).nullable(), note: z.string().max(500).nullable() }).strict();
const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Vettig finance: the invoice as another provider holds it, one row per VAT rate (rate in basis points). */
export const financeInput = z
  .object({
    connectionId: connectionIdSchema,
    invoiceNumber: ref,
    invoiceDate: isoDate,
    dueDate: isoDate,
    currency: z.string().regex(/^[A-Z]{3}$/),
    lines: z.array(z.object({ rate: z.number().int().min(0).max(10_000), net: minor, vat: minor }).strict()).min(1).max(20),
    debtor: z.object({ name: z.string().trim().min(1).max(200) }).strict(),
  })
  // Vettig's own rules (a due date not before the invoice date, totals that add up) are left to
  // Vettig: its refusal, in its words, is what the user needs to see.
  .strict();

export type DisputeInput = z.output<typeof disputeInput>;
export type PostponeInput = z.output<typeof postponeInput>;
export type PaymentInput = z.output<typeof paymentInput>;
export type CommentInput = z.output<typeof commentInput>;
export type PurchaseInput = z.output<typeof purchaseInput>;
export type CloseInput = z.output<typeof closeInput>;
export type FinanceInput = z.output<typeof financeInput>;

export const actionsMethods = {
  'actions.readInvoice': method<InvoiceNow>()(z.object(invoiceTarget).strict()),
  'actions.readCase': method<CaseNow>()(z.object(caseTarget).strict()),
  'actions.disputeInvoice': method<{ sent: true }>()(disputeInput),
  'actions.postponeInvoice': method<{ sent: true }>()(postponeInput),
  'actions.registerPayment': method<{ sent: true; paymentRef: string | null }>()(paymentInput),
  'actions.commentCase': method<{ sent: true }>()(commentInput),
  'actions.closeInvoice': method<{ sent: true }>()(closeInput),
  'actions.readPurchaseTerms': method<PurchaseTerms>()(z.object(invoiceTarget).strict()),
  'actions.purchaseInvoice': method<{ sent: true }>()(purchaseInput),
  'actions.readFinancing': method<FinancingNow>()(z.object({ connectionId: connectionIdSchema, invoiceNumber: ref }).strict()),
  'actions.financeInvoice': method<{ sent: true }>()(financeInput),
};
