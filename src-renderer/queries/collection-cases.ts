import { daysBetween } from '../../src-shared/dates/iso-date';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import type { BalancePart, Case } from '../../src-shared/domain/records';
import type { CacheDatabase, CachedCase, CachedEvent } from '../db/cache-database';
import { debtorOf } from './case-debtor';

/** What the case list needs of a case: its balance, dates and what it is about. */
export interface CaseRow
  extends Pick<Case, 'id' | 'connectionId' | 'caseNumber' | 'status' | 'stage' | 'agency' | 'creditor' | 'openedAt' | 'closedAt' | 'currency'> {
  capital: BalancePart;
  interest: BalancePart;
  costs: BalancePart;
  totalOutstanding: number;
  invoiceNumbers: string[];
  /** Who owes it, as the case names it (see `debtorName` for what the screens show). */
  debtor: Case['debtor'];
  /** Days from opening to closing, or to `today` while open; null without an opening date. */
  daysActive: number | null;
  /** The parts of the balance that do not add up (paid + outstanding ≠ amount), and a wrong total. */
  problems: BalanceProblem[];
}

export type BalanceProblem = 'capital' | 'interest' | 'costs' | 'total';

/**
 * What does not add up in a case's balance: a part whose paid + outstanding differs from its
 * amount, or a total outstanding that is not the sum of the parts' outstanding. Such a case is
 * shown flagged, never left out: the provider's figures are the user's to question.
 */
export function balanceProblems(balance: Case['balance']): BalanceProblem[] {
  const problems: BalanceProblem[] = [];
  for (const part of ['capital', 'interest', 'costs'] as const) {
    const { amount, paid, outstanding } = balance[part];
    if (paid + outstanding !== amount) problems.push(part);
  }
  const sum = balance.capital.outstanding + balance.interest.outstanding + balance.costs.outstanding;
  if (sum !== balance.totalOutstanding) problems.push('total');
  return problems;
}

export function toCaseRow(item: CachedCase | Case, today: string): CaseRow {
  const opened = item.openedAt?.slice(0, 10) ?? null;
  const end = item.closedAt?.slice(0, 10) ?? today;
  return {
    id: item.id,
    connectionId: item.connectionId,
    caseNumber: item.caseNumber,
    status: item.status,
    stage: item.stage,
    agency: item.agency,
    creditor: item.creditor,
    openedAt: item.openedAt,
    closedAt: item.closedAt,
    currency: item.currency,
    capital: item.balance.capital,
    interest: item.balance.interest,
    costs: item.balance.costs,
    totalOutstanding: item.balance.totalOutstanding,
    invoiceNumbers: [...new Set(item.invoices.map((invoice) => invoice.invoiceNumber))],
    debtor: debtorOf(item),
    daysActive: opened ? Math.max(0, daysBetween(opened, end)) : null,
    problems: balanceProblems(item.balance),
  };
}

/** Every cached case as a list row (cases are few: hundreds, a few thousand at most). */
export async function loadCaseRows(db: CacheDatabase, today: string): Promise<CaseRow[]> {
  const cases = await db.cases.toArray();
  return cases.map((item) => toCaseRow(item, today));
}

export interface CaseFilter {
  statuses?: readonly string[];
  stages?: readonly string[];
  connectionId?: string;
  /** Only cases whose balance does not add up. */
  problemsOnly?: boolean;
}

export function matchesCaseFilter(row: CaseRow, filter: CaseFilter): boolean {
  if (filter.statuses && filter.statuses.length > 0 && !filter.statuses.includes(row.status)) return false;
  if (filter.stages && filter.stages.length > 0 && !filter.stages.includes(row.stage ?? '')) return false;
  if (filter.connectionId && row.connectionId !== filter.connectionId) return false;
  if (filter.problemsOnly && row.problems.length === 0) return false;
  return true;
}

export const caseSortColumns = [
  'caseNumber',
  'status',
  'stage',
  'agency',
  'capital',
  'interest',
  'costs',
  'totalOutstanding',
  'openedAt',
  'daysActive',
] as const;
export type CaseSortColumn = (typeof caseSortColumns)[number];
export interface CaseSort {
  column: CaseSortColumn;
  direction: 'asc' | 'desc';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortValue(row: CaseRow, column: CaseSortColumn): string | number | null {
  switch (column) {
    case 'capital':
    case 'interest':
    case 'costs':
      return row[column].outstanding;
    default:
      return row[column];
  }
}

/**
 * Stable order by any column; amounts sort by what is outstanding. Empty values go last in
 * both directions, ties fall back to the case id.
 */
export function compareCases(sort: CaseSort): (a: CaseRow, b: CaseRow) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      if (order !== 0) return sign * order;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** The distinct values of a field, for the filter choices. */
export function distinctValues(rows: readonly CaseRow[], field: 'status' | 'stage'): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row[field];
    if (value) values.add(value);
  }
  return [...values].sort((a, b) => collator.compare(a, b));
}

export interface CaseCurrencyTotals {
  currency: string;
  count: number;
  capital: number;
  interest: number;
  costs: number;
  totalOutstanding: number;
}

/** Outstanding per currency for the listed cases (exact integer sums). */
export function caseTotals(rows: Iterable<CaseRow>): CaseCurrencyTotals[] {
  const sums = new CurrencySums<Exclude<keyof CaseCurrencyTotals, 'currency'>>();
  for (const row of rows) {
    sums.add(row.currency, 'count', 1);
    sums.add(row.currency, 'capital', row.capital.outstanding);
    sums.add(row.currency, 'interest', row.interest.outstanding);
    sums.add(row.currency, 'costs', row.costs.outstanding);
    sums.add(row.currency, 'totalOutstanding', row.totalOutstanding);
  }
  return sums.map((currency, sum) => ({
    currency,
    count: sum('count'),
    capital: sum('capital'),
    interest: sum('interest'),
    costs: sum('costs'),
    totalOutstanding: sum('totalOutstanding'),
  }));
}

/** One line of a case's timeline: something that happened, oldest first. */
export type TimelineItem =
  | { kind: 'invoice'; at: string | null; invoiceNumber: string; capitalAmount: number; dueDate: string | null }
  | { kind: 'payment'; at: string | null; amount: number; currency: string; description: string | null; method: string | null; status: string | null; invoiceNumber: string | null }
  | { kind: 'event' | 'action' | 'note'; at: string | null; title: string; text: string | null };

export interface CaseDetail {
  item: CachedCase;
  row: CaseRow;
  /** The case's money as the agency booked it: pending payments and settlement allocations, oldest first. */
  events: CachedEvent[];
  timeline: TimelineItem[];
}

const kindOrder: Record<TimelineItem['kind'], number> = { invoice: 0, event: 1, action: 2, note: 3, payment: 4 };

/** A date or timestamp as a sortable UTC timestamp text. */
function instant(at: string): string {
  return at.length === 10 ? `${at}T00:00:00.000Z` : at;
}

/** Oldest first; items without a date go last; same moment: invoice, event, action, note, payment. */
export function compareTimeline(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) {
    if (a.at === null) return 1;
    if (b.at === null) return -1;
    const x = instant(a.at);
    const y = instant(b.at);
    if (x !== y) return x < y ? -1 : 1;
  }
  return kindOrder[a.kind] - kindOrder[b.kind];
}

/** The timeline of a case: its invoices, payments, events, actions and notes, oldest first. */
export function caseTimeline(item: Pick<Case, 'invoices' | 'payments' | 'entries'>): TimelineItem[] {
  const timeline: TimelineItem[] = [];
  for (const invoice of item.invoices) {
    timeline.push({ kind: 'invoice', at: invoice.invoiceDate, invoiceNumber: invoice.invoiceNumber, capitalAmount: invoice.capitalAmount, dueDate: invoice.dueDate });
  }
  for (const payment of item.payments) {
    timeline.push({
      kind: 'payment',
      at: payment.bankPaymentDate ?? payment.allocatedAt,
      amount: payment.amount,
      currency: payment.currency,
      description: payment.description,
      method: payment.method,
      status: payment.status,
      invoiceNumber: payment.invoiceNumber,
    });
  }
  for (const entry of item.entries) timeline.push({ kind: entry.kind, at: entry.occurredAt, title: entry.title, text: entry.text });
  // A stable sort keeps the provider's own order for items at the same moment.
  return timeline.sort(compareTimeline);
}

/** Everything the case detail shows, or null when the cache holds no such case. */
export async function loadCaseDetail(db: CacheDatabase, id: string, today: string): Promise<CaseDetail | null> {
  const item = await db.cases.get(id);
  if (!item) return null;
  const numbers = [...new Set(item.invoices.map((invoice) => invoice.invoiceNumber))];
  const candidates = (await Promise.all(numbers.map((number) => db.events.where('invoiceNumber').equals(number).toArray()))).flat();
  // The case's own money movements: booked on this case, in the case's connection.
  const seen = new Set<string>();
  const events = candidates
    .filter((event) => event.connectionId === item.connectionId && event.caseRef === item.providerRef)
    .filter((event) => !seen.has(event.id) && seen.add(event.id) !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return { item, row: toCaseRow(item, today), events, timeline: caseTimeline(item) };
}
