import type { CaseNow, FinancingNow, InvoiceNow, PurchaseTerms } from '../../src-shared/rpc/actions-methods';
import type { ActionPayload, Change, OutboxAction } from './outbox-action';

/** The RPC calls the outbox makes (the bridge's `call`, or a test harness's). */
export interface ActionCalls {
  readInvoice(connectionId: string, invoiceRef: string): Promise<InvoiceNow>;
  readCase(connectionId: string, caseRef: string): Promise<CaseNow>;
  readFinancing(connectionId: string, invoiceNumber: string): Promise<FinancingNow>;
  /** Aptic's terms before a purchase; only the confirm step asks, never the sender. */
  readPurchaseTerms(connectionId: string, invoiceRef: string): Promise<PurchaseTerms>;
  send(action: OutboxAction): Promise<void>;
}

export type RecordNow = InvoiceNow | CaseNow | FinancingNow;

/** A fresh read of the action's record, from its provider. */
export function readNow(calls: ActionCalls, action: OutboxAction): Promise<RecordNow> {
  if (action.kind === 'comment') return calls.readCase(action.connectionId, action.targetRef);
  if (action.kind === 'finance') return calls.readFinancing(action.connectionId, action.input.invoiceNumber);
  return calls.readInvoice(action.connectionId, action.targetRef);
}

const isCase = (now: RecordNow): now is CaseNow => 'comments' in now;
export const isInvoiceNow = (now: RecordNow): now is InvoiceNow => 'remaining' in now;
const isInvoice = isInvoiceNow;
export const isFinancingNow = (now: RecordNow): now is FinancingNow => 'financed' in now;

/** Bought by the financier and not handed back: a second purchase would be refused or doubled. */
const purchased = (now: InvoiceNow) => now.financing === 'factored' || now.financing === 'factored-with-recourse';

/**
 * The record already shows what the action asks for. A payment never "already is": the same
 * amount twice is two payments, so it is judged only against the balance seen before it was sent.
 */
export function alreadyDone(action: ActionPayload, now: RecordNow): boolean {
  switch (action.kind) {
    case 'dispute':
      return isInvoice(now) && now.disputed === action.input.disputed;
    case 'postpone':
      return isInvoice(now) && now.dueDate === action.input.newDueDate;
    case 'comment':
      return isCase(now) && now.comments.includes(action.input.comment);
    case 'purchase':
      return isInvoice(now) && purchased(now);
    case 'close':
      // Aptic shows a closed invoice as one with nothing left owed: there is nothing left to close.
      return isInvoice(now) && now.remaining === 0;
    case 'finance':
      return isFinancingNow(now) && now.financed;
    case 'payment':
      return false;
  }
}

/** After sending (or when it is not known whether it arrived): does the record show it now? */
export function tookEffect(action: ActionPayload, now: RecordNow): boolean {
  if (action.kind === 'payment') return isInvoice(now) && now.remaining === action.seen.remaining - action.input.amount;
  return alreadyDone(action, now);
}

/** What differs from what the user saw; empty when the action may go. */
export function brokenPreconditions(action: ActionPayload, now: RecordNow): Change[] {
  const changes: Change[] = [];
  if (action.kind === 'comment') {
    if (!isCase(now)) return [{ field: 'status', seen: action.seen.status, now: null }];
    if (now.status !== action.seen.status) changes.push({ field: 'status', seen: action.seen.status, now: now.status });
    if (now.stage !== action.seen.stage) changes.push({ field: 'stage', seen: action.seen.stage, now: now.stage });
    return changes;
  }
  // Vettig's only condition is that the invoice is not financed yet: that is `alreadyDone`.
  if (action.kind === 'finance') return [];
  if (!isInvoice(now)) return [{ field: 'open', seen: true, now: null }];
  if (!now.open) changes.push({ field: 'open', seen: true, now: false });
  if (action.kind === 'postpone' && now.dueDate !== action.seen.dueDate) changes.push({ field: 'dueDate', seen: action.seen.dueDate, now: now.dueDate });
  if ((action.kind === 'payment' || action.kind === 'close') && now.remaining !== action.seen.remaining) changes.push({ field: 'remaining', seen: action.seen.remaining, now: now.remaining });
  if (action.kind === 'purchase' && !purchasableNow(action.input.recourseDays, now.purchasable)) {
    changes.push({ field: 'purchasable', seen: action.seen.purchasable, now: now.purchasable });
  }
  return changes;
}

/**
 * Aptic's `purchasable` allows this purchase: 1 any, 2 only with recourse days; 0 never. Null
 * (Aptic did not say) is left to Aptic, which refuses with its reason.
 */
export function purchasableNow(recourseDays: number | null, purchasable: number | null): boolean {
  if (purchasable === null || purchasable === 1) return true;
  return purchasable === 2 && recourseDays !== null;
}
