import { z } from 'zod';
import { connectionIdSchema } from '../domain/connection';
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

export type DisputeInput = z.output<typeof disputeInput>;
export type PostponeInput = z.output<typeof postponeInput>;
export type PaymentInput = z.output<typeof paymentInput>;
export type CommentInput = z.output<typeof commentInput>;

export const actionsMethods = {
  'actions.readInvoice': method<InvoiceNow>()(z.object(invoiceTarget).strict()),
  'actions.readCase': method<CaseNow>()(z.object(caseTarget).strict()),
  'actions.disputeInvoice': method<{ sent: true }>()(disputeInput),
  'actions.postponeInvoice': method<{ sent: true }>()(postponeInput),
  'actions.registerPayment': method<{ sent: true; paymentRef: string | null }>()(paymentInput),
  'actions.commentCase': method<{ sent: true }>()(commentInput),
};
