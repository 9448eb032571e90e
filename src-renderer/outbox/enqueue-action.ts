import type { CacheDatabase } from '../db/cache-database';
import type { ActionPayload, OutboxAction } from './outbox-action';

export interface NewAction {
  connectionId: string;
  targetId: string;
  targetRef: string;
  label: string;
}

/** Stores the action before anything is sent: from here on it is shown as waiting. */
export async function enqueueAction(db: CacheDatabase, target: NewAction, payload: ActionPayload, now = new Date().toISOString()): Promise<OutboxAction> {
  const action = {
    ...target,
    ...payload,
    id: crypto.randomUUID(),
    state: 'waiting',
    createdAt: now,
    updatedAt: now,
    approvedAt: null,
    sendingSince: null,
    error: null,
    review: null,
    already: false,
  } as OutboxAction;
  await db.outbox.add(action);
  return action;
}
