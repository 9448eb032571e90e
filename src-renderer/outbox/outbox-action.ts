import type { CloseInput, CommentInput, DisputeInput, FinanceInput, PaymentInput, PostponeInput, PurchaseInput } from '../../src-shared/rpc/actions-methods';
import type { RpcErrorBody } from '../../src-shared/rpc/rpc-error';

/**
 * One action the user took, stored in the cache's `outbox` table before anything is sent:
 * - `waiting`: stored, not sent (money actions also wait for the user's confirmation online);
 * - `sending`: marked durably just before the request; found at start-up it is never resent,
 *   only re-read and decided (or handed to the user);
 * - `confirmed`: sent, and a fresh read shows the change (or showed it was already so);
 * - `refused`: the provider said no (its reason in `error`), nothing changed;
 * - `needs-review`: the record changed since the user saw it, or it is not known whether the
 *   action arrived: `review` says what, and only the user sends it again.
 */
export type OutboxState = 'waiting' | 'sending' | 'confirmed' | 'refused' | 'needs-review';

type Target<I> = Omit<I, 'connectionId' | 'invoiceRef' | 'caseRef'>;

/** What the user saw when acting: the precondition checked just before sending. */
export type ActionPayload =
  | { kind: 'dispute'; input: Target<DisputeInput>; seen: { open: boolean } }
  | { kind: 'postpone'; input: Target<PostponeInput>; seen: { dueDate: string | null } }
  | { kind: 'payment'; input: Target<PaymentInput>; seen: { remaining: number } }
  | { kind: 'comment'; input: Target<CommentInput>; seen: { status: string; stage: string | null } }
  /** Aptic stops collecting the invoice: what was owed when the user acted, and in which currency. */
  | { kind: 'close'; input: Target<CloseInput>; seen: { remaining: number; currency: string } }
  /** Aptic buys the invoice; `seen` is the fresh read the user confirmed on (its fee terms too). */
  | { kind: 'purchase'; input: Target<PurchaseInput>; seen: { purchasable: number | null; feeAmount: number | null; feePercentage: number | null } }
  /** Vettig finances an invoice another provider holds; the target is that record, the connection Vettig's. */
  | { kind: 'finance'; input: Target<FinanceInput>; seen: { financed: boolean } };

export type ActionKind = ActionPayload['kind'];

/** A field whose value differs from what the user saw. */
export interface Change {
  field: 'open' | 'dueDate' | 'remaining' | 'status' | 'stage' | 'purchasable';
  seen: string | number | boolean | null;
  now: string | number | boolean | null;
}

export interface Review {
  /**
   * `changed`: the precondition broke; `interrupted`: the app stopped while sending;
   * `unknown`: the answer was lost; `unconfirmed`: accepted, but a fresh read does not show it.
   */
  reason: 'changed' | 'interrupted' | 'unknown' | 'unconfirmed';
  changes: Change[];
}

export type OutboxAction = ActionPayload & {
  id: string;
  connectionId: string;
  /** The cached record acted on (`<connectionId>/<providerRef>`) and the provider's own ref. */
  targetId: string;
  targetRef: string;
  /** The invoice or case number, for the Outbox list. */
  label: string;
  state: OutboxState;
  createdAt: string;
  updatedAt: string;
  /** Money actions: when the user confirmed it, online, right after a fresh read. */
  approvedAt: string | null;
  /** Set with `sending`, before the request: what the fresh read showed then. */
  sendingSince: string | null;
  /** The last refusal or failure to reach the provider. */
  error: RpcErrorBody | null;
  review: Review | null;
  /** Confirmed without sending: the provider already showed the asked-for state. */
  already: boolean;
};

const moneyKinds: ReadonlySet<ActionKind> = new Set(['payment', 'purchase', 'finance']);

/** Money moves: prepared offline, sent only after the user confirms online (see outbox README). */
export function isMoneyAction(action: Pick<OutboxAction, 'kind'>): boolean {
  return moneyKinds.has(action.kind);
}
