import type { InvoiceStatus } from '../../src-shared/domain/records';
import { agingBucketOf, type AgingBucket } from '../../src-shared/ledger/invoice-status';
import type { InvoiceRow } from './invoice-row';
import { LedgerSums } from './ledger-sums';

export interface InvoiceFilter {
  text?: string;
  connectionIds?: readonly string[];
  statuses?: readonly InvoiceStatus[];
  currency?: string;
  /** Only invoices whose sources disagree (reconciliation problems). */
  problems?: boolean;
  /** Issue date range, inclusive, YYYY-MM-DD. */
  issuedFrom?: string;
  issuedTo?: string;
  /** Only invoices with money outstanding in this aging bucket, as of `today`. */
  aging?: AgingBucket;
  /** Only invoices to this customer: its `customerKey`, or `noCustomerKey` for those naming none. */
  customer?: string;
}

/**
 * The customer key of invoices whose sources name no customer: a single space, which `customerKey`
 * (trimmed, never empty) cannot give, so it never stands for a real customer.
 */
export const noCustomerKey = ' ';

export function customerKeyOf(row: { customerKey: string | null }): string {
  return row.customerKey ?? noCustomerKey;
}

export const sortableColumns = [
  'number',
  'customer',
  'provider',
  'issueDate',
  'dueDate',
  'total',
  'outstanding',
  'currency',
  'status',
  'financing',
] as const;
export type SortColumn = (typeof sortableColumns)[number];
export interface InvoiceSort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export function matchesFilter(row: InvoiceRow, filter: InvoiceFilter, today: string): boolean {
  return invoicePredicate(filter, today)(row);
}

/**
 * The filter as one function, with its text split and lower-cased once: search as you type runs
 * it over every cached invoice on each keystroke.
 */
export function invoicePredicate(filter: InvoiceFilter, today: string): (row: InvoiceRow) => boolean {
  const connections = filter.connectionIds && filter.connectionIds.length > 0 ? new Set(filter.connectionIds) : null;
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  const words = filter.text?.trim().toLocaleLowerCase().split(/\s+/).filter((word) => word !== '') ?? [];
  const { currency, problems, issuedFrom, issuedTo, aging, customer } = filter;
  return (row) => {
    if (connections && !connections.has(row.connectionId)) return false;
    if (statuses && !statuses.has(row.status)) return false;
    if (currency && row.currency !== currency) return false;
    if (customer !== undefined && customerKeyOf(row) !== customer) return false;
    if (problems && row.problems === 0) return false;
    if (issuedFrom && (row.issueDate === null || row.issueDate < issuedFrom)) return false;
    if (issuedTo && (row.issueDate === null || row.issueDate > issuedTo)) return false;
    if (aging && agingBucketOf(row, today) !== aging) return false;
    for (const word of words) if (!row.searchText.includes(word)) return false;
    return true;
  };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Stable order for any column; ties fall back to the record id so pages never overlap. */
export function compareRows(sort: InvoiceSort): (a: InvoiceRow, b: InvoiceRow) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => sign * compareValues(a[sort.column], b[sort.column]) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface CurrencyTotals {
  currency: string;
  count: number;
  total: number;
  outstanding: number;
  overdue: number;
  overdueCount: number;
}

/** Exact per-currency sums (integers only): amounts in different currencies are never added. */
export function totalsByCurrency(rows: Iterable<Pick<InvoiceRow, 'currency' | 'total' | 'outstanding' | 'status'>>): CurrencyTotals[] {
  const sums = new LedgerSums();
  for (const row of rows) sums.add(row.currency, row.total, row.outstanding, row.status, null);
  return sums.totals();
}
