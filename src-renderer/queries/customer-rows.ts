import { CurrencySums } from '../../src-shared/money/currency-sums';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import { customerKeyOf, totalsByCurrency, type CurrencyTotals } from './invoice-filter';

/**
 * One customer of the ledger (entries grouped by `customerKey`: customer numbers are each
 * provider's own, names are not). Its figures are the Invoices list's totals of its invoices, so
 * outstanding and overdue mean what they mean on the Dashboard; money stays per currency.
 */
export interface CustomerRow {
  /** `customerKey`, or `noCustomerKey` for the invoices that name no customer. */
  key: string;
  /** The name as its first invoice spells it (or its number); null for `noCustomerKey`. */
  name: string | null;
  invoiceCount: number;
  /** Per currency, alphabetically. */
  totals: CustomerCurrency[];
  searchText: string;
}

export interface CustomerCurrency extends CurrencyTotals {
  /** Open collection cases holding this customer's invoices in this currency. */
  openCases: number;
}

/** Every customer of the ledger, in no particular order. */
export function customerRows(entries: readonly LedgerEntry[]): CustomerRow[] {
  const groups = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const key = customerKeyOf(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([key, group]) => {
    const first = group[0]!;
    const name = first.customerKey === null ? null : (first.customerName ?? first.customerNumber);
    const openCases = new Map<string, Set<string>>();
    for (const entry of group) {
      for (const source of entry.sources) {
        if (source.kind !== 'case' || source.role !== 'collection') continue;
        let ids = openCases.get(entry.currency);
        if (!ids) openCases.set(entry.currency, (ids = new Set()));
        ids.add(source.recordId);
      }
    }
    return {
      key,
      name,
      invoiceCount: group.length,
      totals: totalsByCurrency(group).map((totals) => ({ ...totals, openCases: openCases.get(totals.currency)?.size ?? 0 })),
      searchText: (name ?? '').toLocaleLowerCase(),
    };
  });
}

export interface CustomerFilter {
  text: string;
  /** Only customers with invoices in this currency, and only their figures in it. */
  currency: string;
}

export const customerSortColumns = ['name', 'invoices', 'outstanding', 'overdue'] as const;
export type CustomerSortColumn = (typeof customerSortColumns)[number];

/** The customers that match, each with only the currency asked for (all when none is). */
export function filterCustomers(rows: readonly CustomerRow[], filter: CustomerFilter): CustomerRow[] {
  const words = filter.text.trim().toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  const shown: CustomerRow[] = [];
  for (const row of rows) {
    if (!words.every((word) => row.searchText.includes(word))) continue;
    if (!filter.currency) {
      shown.push(row);
      continue;
    }
    const totals = row.totals.filter((line) => line.currency === filter.currency);
    if (totals.length > 0) shown.push({ ...row, totals, invoiceCount: totals[0]!.count });
  }
  return shown;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Stable order by any column. Amounts of different currencies are never added or compared with
 * each other: customers compare currency by currency, alphabetically (a customer without a
 * currency has 0 in it), so with one currency chosen they sort by that currency alone. Customers
 * without a name go last; ties fall back to the key.
 */
export function compareCustomers(column: CustomerSortColumn, direction: 'asc' | 'desc', currencies: readonly string[]) {
  const sign = direction === 'asc' ? 1 : -1;
  const amount = (row: CustomerRow, currency: string, field: 'outstanding' | 'overdue') =>
    row.totals.find((line) => line.currency === currency)?.[field] ?? 0;
  return (a: CustomerRow, b: CustomerRow): number => {
    let order = 0;
    if (column === 'name') {
      if (a.name === null || b.name === null) order = a.name === b.name ? 0 : a.name === null ? 1 : -1;
      else order = sign * collator.compare(a.name, b.name);
    } else if (column === 'invoices') {
      order = sign * (a.invoiceCount - b.invoiceCount);
    } else {
      for (const currency of currencies) {
        order = sign * (amount(a, currency, column) - amount(b, currency, column));
        if (order !== 0) break;
      }
    }
    return order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  };
}

/** Per currency, what the customers shown add up to: the same figures as the invoices they hold. */
export function customerTotals(rows: readonly CustomerRow[]): CustomerCurrency[] {
  const fields = ['count', 'total', 'outstanding', 'overdue', 'overdueCount', 'openCases'] as const;
  const sums = new CurrencySums<(typeof fields)[number]>();
  for (const row of rows) for (const line of row.totals) for (const field of fields) sums.add(line.currency, field, line[field]);
  return sums.map((currency, sum) => ({ currency, ...(Object.fromEntries(fields.map((field) => [field, sum(field)])) as Record<(typeof fields)[number], number>) }));
}

/** The currencies the customers hold, alphabetically (the order amounts sort in). */
export function currenciesOf(rows: readonly CustomerRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.totals.map((line) => line.currency)))].sort();
}
