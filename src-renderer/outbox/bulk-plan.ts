import type { ProviderId } from '../../src-shared/domain/provider';
import type { LedgerSource } from '../../src-shared/ledger/ledger-source';
import type { CacheDatabase } from '../db/cache-database';
import { enqueueAction, type NewAction } from './enqueue-action';
import type { ActionPayload, OutboxAction } from './outbox-action';

/**
 * Acting on several invoices from the list. None of the providers' documents offers a bulk
 * endpoint (Aptic's dispute and postpone take one invoice each), so a bulk action is one outbox
 * action per invoice, each checked and sent on its own like one taken from the invoice's page.
 */
export type BulkKind = 'dispute' | 'postpone';

/** Which of the list's actions each provider takes; a new provider does not compile until placed. */
export const bulkKindsOf: Readonly<Record<ProviderId, readonly BulkKind[]>> = {
  aptic: ['dispute', 'postpone'],
  confirma: [],
  flowtly: [],
  vettig: [],
};

export type BulkRequest = { kind: 'dispute'; reason: string | null } | { kind: 'postpone'; newDueDate: string };

export type BulkSource = Pick<LedgerSource, 'recordId' | 'kind' | 'connectionId' | 'provider' | 'dueDate' | 'outstanding' | 'status'>;

/** A selected row: its number, and the provider records it could be acted on through. */
export interface BulkCandidate {
  key: string;
  number: string;
  sources: readonly BulkSource[];
}

/** Why a selected invoice is left out, named in the confirm step. */
export type Exclusion =
  | { reason: 'notOffered'; provider: ProviderId | null }
  | { reason: 'notOpen' | 'alreadyDisputed' | 'noDueDate' }
  | { reason: 'dueNotBefore'; dueDate: string };

export interface BulkItem {
  key: string;
  provider: ProviderId;
  target: NewAction;
  payload: ActionPayload;
}

export interface BulkPlan {
  /** The actions to store, grouped by provider (in the order they first appear). */
  groups: { provider: ProviderId; items: BulkItem[] }[];
  excluded: ({ key: string; number: string } & Exclusion)[];
}

function exclusionOf(source: BulkSource, request: BulkRequest): Exclusion | null {
  // The invoice page's rule: open while something is owed on it.
  if ((source.outstanding ?? 0) <= 0) return { reason: 'notOpen' };
  if (request.kind === 'dispute') return source.status === 'disputed' ? { reason: 'alreadyDisputed' } : null;
  if (source.dueDate === null) return { reason: 'noDueDate' };
  // Aptic refuses a new due date that is not after the current one.
  return source.dueDate >= request.newDueDate ? { reason: 'dueNotBefore', dueDate: source.dueDate } : null;
}

function payloadOf(source: BulkSource, request: BulkRequest): ActionPayload {
  return request.kind === 'dispute'
    ? { kind: 'dispute', input: { disputed: true, reason: request.reason }, seen: { open: true } }
    : { kind: 'postpone', input: { newDueDate: request.newDueDate }, seen: { dueDate: source.dueDate } };
}

/** Splits the selection into what each provider will be asked, and what cannot take the action and why. */
export function planBulk(candidates: readonly BulkCandidate[], request: BulkRequest): BulkPlan {
  const groups = new Map<ProviderId, BulkItem[]>();
  const excluded: BulkPlan['excluded'] = [];
  for (const { key, number, sources } of candidates) {
    // The best-ranked record whose provider takes the action (sources come best-ranked first).
    const source = sources.find((candidate) => candidate.kind === 'invoice' && bulkKindsOf[candidate.provider].includes(request.kind));
    if (!source) {
      excluded.push({ key, number, reason: 'notOffered', provider: sources[0]?.provider ?? null });
      continue;
    }
    const exclusion = exclusionOf(source, request);
    if (exclusion) {
      excluded.push({ key, number, ...exclusion });
      continue;
    }
    let items = groups.get(source.provider);
    if (!items) groups.set(source.provider, (items = []));
    items.push({
      key,
      provider: source.provider,
      target: { connectionId: source.connectionId, targetId: source.recordId, targetRef: source.recordId.slice(source.connectionId.length + 1), label: number },
      payload: payloadOf(source, request),
    });
  }
  return { groups: [...groups].map(([provider, items]) => ({ provider, items })), excluded };
}

/** Stores every action of the plan in one transaction: all or none, never a half-stored selection. */
export function enqueuePlan(db: CacheDatabase, plan: BulkPlan): Promise<OutboxAction[]> {
  const items = plan.groups.flatMap((group) => group.items);
  return db.transaction('rw', db.outbox, () => Promise.all(items.map((item) => enqueueAction(db, item.target, item.payload))));
}
