import { RpcError, type RpcErrorBody } from '../../src-shared/rpc/rpc-error';
import type { CacheDatabase } from '../db/cache-database';
import type { PurchaseTerms } from '../../src-shared/rpc/actions-methods';
import { alreadyDone, brokenPreconditions, isFinancingNow, readNow, tookEffect, type ActionCalls, type RecordNow } from './action-rules';
import { isMoneyAction, type OutboxAction, type OutboxState, type Review } from './outbox-action';

/** Runs `work` while no other window or tab of the app sends (navigator.locks in the app). */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export interface OutboxDeps {
  db: CacheDatabase;
  calls: ActionCalls;
  exclusive: Exclusive;
  now?: () => string;
}

/** Nothing left the machine: the action may wait and go later. */
const notSent = new Set(['provider_unreachable', 'credentials_refused', 'credentials_missing', 'keychain_unavailable']);
/** The provider (or main, before sending) said no: nothing changed. */
const refusals = new Set(['provider_refused', 'invalid_input', 'not_found']);

function errorBody(error: unknown): RpcErrorBody {
  return error instanceof RpcError ? error.toBody() : { code: 'internal', message: String(error) };
}

/**
 * One pass over the outbox, holding the outbox lock so one window sends at a time: first every
 * action found `sending` (the app stopped mid-send: only re-read and decided, never resent),
 * then every waiting action that may go (money only once the user confirmed it).
 */
export async function runOutbox(deps: OutboxDeps): Promise<void> {
  await deps.exclusive(async () => {
    for (const action of await deps.db.outbox.where('state').equals('sending').toArray()) await decideInterrupted(deps, action);
    const waiting = await deps.db.outbox.where('state').equals('waiting').sortBy('createdAt');
    // A provider that cannot be reached is not tried again in this pass; the others still are.
    const unreachable = new Set<string>();
    for (const action of waiting) {
      if ((isMoneyAction(action) && action.approvedAt === null) || unreachable.has(action.connectionId)) continue;
      if ((await sendOne(deps, action.id)) === 'unreachable') unreachable.add(action.connectionId);
    }
  });
}

/**
 * The user confirmed a money action online, right after `freshRead` (and, for a purchase,
 * Aptic's `terms`, shown to them): send it now. What they saw is kept with the action.
 */
export async function sendApproved(deps: OutboxDeps, id: string, freshRead: RecordNow, terms?: PurchaseTerms): Promise<void> {
  await deps.exclusive(async () => {
    const action = await deps.db.outbox.get(id);
    if (!action || action.state !== 'waiting' || !isMoneyAction(action)) return;
    const stamp = clock(deps);
    await deps.db.outbox.update(id, { approvedAt: stamp, updatedAt: stamp, seen: seenFrom(action, freshRead, terms) });
    await sendOne(deps, id);
  });
}

async function sendOne(deps: OutboxDeps, id: string): Promise<'done' | 'unreachable'> {
  const action = await deps.db.outbox.get(id);
  if (!action || action.state !== 'waiting') return 'done';
  let now: RecordNow;
  try {
    now = await readNow(deps.calls, action);
  } catch (error) {
    const body = errorBody(error);
    if (body.code === 'not_found') await settle(deps, id, 'needs-review', { review: { reason: 'changed', changes: [{ field: 'open', seen: true, now: null }] }, error: body });
    else await deps.db.outbox.update(id, { error: body, updatedAt: clock(deps) });
    return body.code === 'not_found' ? 'done' : 'unreachable';
  }
  if (alreadyDone(action, now)) return settle(deps, id, 'confirmed', { already: true, error: null });
  const changes = brokenPreconditions(action, now);
  if (changes.length > 0) return settle(deps, id, 'needs-review', { review: { reason: 'changed', changes } });
  if (!(await markSending(deps, id))) return 'done';
  try {
    await deps.calls.send(action);
  } catch (error) {
    const body = errorBody(error);
    if (notSent.has(body.code)) {
      await settle(deps, id, 'waiting', { error: body, sendingSince: null });
      return 'unreachable';
    }
    if (refusals.has(body.code)) return settle(deps, id, 'refused', { error: body });
    // Sent, answer lost (or main stopped answering): re-read, never resend.
    return confirmByReading(deps, action, 'unknown', body);
  }
  return confirmByReading(deps, action, 'unconfirmed', null);
}

/** Compare-and-set, durably, before the request: only one window, once. */
async function markSending(deps: OutboxDeps, id: string): Promise<boolean> {
  return deps.db.transaction('rw', deps.db.outbox, async () => {
    const current = await deps.db.outbox.get(id);
    if (!current || current.state !== 'waiting') return false;
    const stamp = clock(deps);
    await deps.db.outbox.update(id, { state: 'sending', sendingSince: stamp, updatedAt: stamp });
    return true;
  });
}

async function decideInterrupted(deps: OutboxDeps, action: OutboxAction): Promise<void> {
  await confirmByReading(deps, action, 'interrupted', null);
}

/** A fresh read decides: it shows the change → confirmed; otherwise the user is asked. */
async function confirmByReading(deps: OutboxDeps, action: OutboxAction, reason: Review['reason'], error: RpcErrorBody | null): Promise<'done'> {
  try {
    const now = await readNow(deps.calls, action);
    if (tookEffect(action, now)) return settle(deps, action.id, 'confirmed', { error: null });
  } catch (readError) {
    error ??= errorBody(readError);
  }
  return settle(deps, action.id, 'needs-review', { review: { reason, changes: [] }, error });
}

/** Any field of any kind of action (a union's `Partial` would demand one kind's `seen`). */
type Fields = { [K in keyof OutboxAction]?: OutboxAction[K] };

async function settle(deps: OutboxDeps, id: string, state: OutboxState, fields: Fields): Promise<'done'> {
  await deps.db.outbox.update(id, { ...fields, state, updatedAt: clock(deps) });
  return 'done';
}

/** "Check again" on an action under review: confirmed if the provider shows it now. */
export async function checkAgain(deps: OutboxDeps, id: string): Promise<void> {
  await deps.exclusive(async () => {
    const action = await deps.db.outbox.get(id);
    if (!action || action.state !== 'needs-review') return;
    const now = await readNow(deps.calls, action);
    if (tookEffect(action, now)) await settle(deps, id, 'confirmed', { error: null, review: null });
  });
}

/**
 * The user decided to send an action under review (or refused) again: it waits like a new one,
 * with what the provider shows now as what the user saw; a money action needs confirming again.
 */
export async function sendAgain(deps: OutboxDeps, id: string, now: RecordNow): Promise<void> {
  await deps.exclusive(async () => {
    const action = await deps.db.outbox.get(id);
    if (!action || (action.state !== 'needs-review' && action.state !== 'refused')) return;
    await settle(deps, id, 'waiting', { review: null, error: null, sendingSince: null, approvedAt: null, seen: seenFrom(action, now) });
  });
}

function seenFrom(action: OutboxAction, now: RecordNow, terms?: PurchaseTerms): OutboxAction['seen'] {
  if ('comments' in now) return { status: now.status, stage: now.stage };
  if (isFinancingNow(now)) return { financed: now.financed };
  switch (action.kind) {
    case 'postpone':
      return { dueDate: now.dueDate };
    case 'payment':
      return { remaining: now.remaining };
    case 'close':
      return { remaining: now.remaining, currency: now.currency };
    case 'purchase':
      return { purchasable: now.purchasable, feeAmount: terms?.feeAmount ?? null, feePercentage: terms?.feePercentage ?? null };
    default:
      return { open: now.open };
  }
}

function clock(deps: OutboxDeps): string {
  return (deps.now ?? (() => new Date().toISOString()))();
}
