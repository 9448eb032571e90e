import type { InvoiceStatus } from '../../src-shared/domain/records';

/** The kinds of news the app reports after a sync; each can be switched off in Settings. */
export const changeKinds = ['overdue', 'paid', 'recourse', 'case', 'failing'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/**
 * What the news needs of the cache, read once before and once after a sync: small records, keyed
 * by the cache's own ids (an invoice by its ledger row, so an invoice two providers see is one).
 */
export interface CacheSnapshot {
  /** By number and currency (a ledger entry's id, the record it opens, may change with a sync). */
  invoices: ReadonlyMap<string, { id: string; opens: 'invoice' | 'case'; number: string; customer: string; status: InvoiceStatus }>;
  recourses: ReadonlyMap<string, { invoiceNumber: string | null; amount: number; currency: string }>;
  cases: ReadonlyMap<string, { reference: string; stage: string }>;
  /** Connections whose last sync failed, by id, with their name. */
  failing: ReadonlyMap<string, string>;
}

export type Change =
  | { kind: 'overdue' | 'paid'; key: string; id: string; opens: 'invoice' | 'case'; number: string; customer: string }
  | { kind: 'recourse'; key: string; invoiceNumber: string | null; amount: number; currency: string }
  | { kind: 'case'; key: string; caseId: string; reference: string; stage: string; escalated: boolean }
  | { kind: 'failing'; key: string; connectionId: string; label: string };

/**
 * What a sync changed: invoices that became overdue or were paid, new recourses, new collection
 * cases and cases that moved to another stage, and connections that began failing. A cache that
 * held nothing before (the first sync fills it) has no news: everything would be new.
 */
export function whatChanged(before: CacheSnapshot, after: CacheSnapshot): Change[] {
  const changes: Change[] = [];
  for (const [connectionId, label] of after.failing) {
    if (!before.failing.has(connectionId)) changes.push({ kind: 'failing', key: `failing ${connectionId}`, connectionId, label });
  }
  if (before.invoices.size === 0 && before.recourses.size === 0 && before.cases.size === 0) return changes;
  for (const [id, invoice] of after.invoices) {
    const was = before.invoices.get(id)?.status;
    // A newly seen invoice that is already overdue is news; one already paid is not.
    const { id: recordId, opens, number, customer } = invoice;
    if (invoice.status === 'overdue' && was !== 'overdue') changes.push({ kind: 'overdue', key: `overdue ${id}`, id: recordId, opens, number, customer });
    if (invoice.status === 'paid' && was !== undefined && was !== 'paid') changes.push({ kind: 'paid', key: `paid ${id}`, id: recordId, opens, number, customer });
  }
  for (const [id, recourse] of after.recourses) {
    if (!before.recourses.has(id)) changes.push({ kind: 'recourse', key: `recourse ${id}`, ...recourse });
  }
  for (const [id, item] of after.cases) {
    const was = before.cases.get(id);
    if (!was || was.stage !== item.stage) {
      changes.push({ kind: 'case', key: `case ${id} ${item.stage}`, caseId: id, reference: item.reference, stage: item.stage, escalated: was !== undefined });
    }
  }
  return changes;
}

/**
 * Adds new changes to the unread ones, newest first. A key already unread is not added twice;
 * at most `limit` are kept, so a years-old unread list cannot grow without end.
 */
export function addUnread(unread: readonly Change[], changes: readonly Change[], limit = 200): Change[] {
  const keys = new Set(unread.map((change) => change.key));
  return [...changes.filter((change) => !keys.has(change.key)), ...unread].slice(0, limit);
}
