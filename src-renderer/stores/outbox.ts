import { liveQuery, type Subscription } from 'dexie';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { PurchaseTerms } from '../../src-shared/rpc/actions-methods';
import { isFinancingNow, readNow, type RecordNow } from '../outbox/action-rules';
import type { ApprovalRead } from '../outbox/approval-text';
import { call } from '../bridge/bridge';
import { cacheDatabase } from '../db/cache-database';
import { actionCalls } from '../outbox/action-calls';
import { enqueueAction, type NewAction } from '../outbox/enqueue-action';
import type { ActionPayload, OutboxAction } from '../outbox/outbox-action';
import { checkAgain, runOutbox, sendAgain, sendApproved, type OutboxDeps } from '../outbox/outbox-sender';

/** While something waits, the outbox tries again this often (and whenever the window goes online). */
const retryEveryMs = 30_000;

function deps(): OutboxDeps {
  return {
    db: cacheDatabase(),
    calls: actionCalls(call),
    // One window or tab sends at a time; a window that finds the lock taken waits its turn.
    exclusive: (work) => navigator.locks.request('reskontra-outbox', () => work()),
  };
}

async function approvalRead(calls: ReturnType<typeof actionCalls>, action: OutboxAction): Promise<ApprovalRead> {
  const now = await readNow(calls, action);
  if (isFinancingNow(now)) return { financing: now };
  if (!('remaining' in now)) throw new Error(`a ${action.kind} is read from an invoice`);
  if (action.kind !== 'purchase') return { invoice: now };
  return { invoice: now, terms: await calls.readPurchaseTerms(action.connectionId, action.targetRef) };
}

/** The outbox as the screens see it: every action (live, across windows) and the sender's triggers. */
export const useOutboxStore = defineStore('outbox', () => {
  const actions = ref<OutboxAction[]>([]);
  let subscription: Subscription | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;

  function start(): void {
    if (subscription) return;
    subscription = liveQuery(() => cacheDatabase().outbox.orderBy('createdAt').reverse().toArray()).subscribe({
      next: (rows) => {
        actions.value = rows;
      },
      error: (error: unknown) => console.error('The outbox could not be read', error),
    });
    window.addEventListener('online', () => void run());
    timer = setInterval(() => {
      if (actions.value.some((action) => action.state === 'waiting')) void run();
    }, retryEveryMs);
    void run();
  }

  /** One pass of the sender; a pass already under way is joined, not doubled. */
  function run(): Promise<void> {
    running ??= runOutbox(deps())
      .catch((error: unknown) => console.error('The outbox pass failed', error))
      .finally(() => {
        running = null;
      });
    return running;
  }

  async function add(target: NewAction, payload: ActionPayload): Promise<OutboxAction> {
    const action = await enqueueAction(cacheDatabase(), target, payload);
    void run();
    return action;
  }

  const forTarget = (targetId: string) => actions.value.filter((action) => action.targetId === targetId);
  const waiting = computed(() => actions.value.filter((action) => action.state === 'waiting' || action.state === 'sending').length);
  const needsReview = computed(() => actions.value.filter((action) => action.state === 'needs-review').length);

  return {
    actions,
    waiting,
    needsReview,
    start,
    run,
    add,
    forTarget,
    /** A fresh read from the provider (throws RpcError when it cannot be reached). */
    read: (action: OutboxAction): Promise<RecordNow> => readNow(deps().calls, action),
    /** The fresh read a money action's confirm step shows (with Aptic's purchase terms for a purchase). */
    approvalRead: (action: OutboxAction): Promise<ApprovalRead> => approvalRead(deps().calls, action),
    approve: (id: string, fresh: RecordNow, terms?: PurchaseTerms) => sendApproved(deps(), id, fresh, terms),
    checkAgain: (id: string) => checkAgain(deps(), id),
    sendAgain: (id: string, fresh: RecordNow) => sendAgain(deps(), id, fresh).then(run),
    discard: (id: string) => cacheDatabase().outbox.where('id').equals(id).and((action) => action.state !== 'sending').delete(),
    stop(): void {
      subscription?.unsubscribe();
      subscription = null;
      if (timer) clearInterval(timer);
    },
  };
});
