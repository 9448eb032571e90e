import type { FirstScreen } from '../db/first-screen';
import { compareRows, invoicePredicate } from '../queries/invoice-filter';
import type { InvoiceRow } from '../queries/invoice-row';
import type { LedgerFigures } from '../queries/ledger-figures';
import { defaultSort, queryFromState, type InvoiceListState } from './invoice-list-query';

/**
 * How many rows the Invoices screen shows before its columns are built: more than a tall window
 * holds, so the first screen is whole; the rest comes with the columns a frame later.
 */
export const firstScreenRows = 100;

/**
 * The first `count` rows of `rows` that `keep` keeps, in `compare`'s order: exactly the first
 * rows of the whole list filtered and sorted, found in one pass without sorting it all (the rows
 * kept so far stay sorted, and a row that sorts after the last of a full set is passed over).
 */
export function firstRowsOf<Row>(rows: readonly Row[], keep: (row: Row) => boolean, compare: (a: Row, b: Row) => number, count: number): Row[] {
  const first: Row[] = [];
  for (const row of rows) {
    if (first.length === count && compare(row, first[count - 1]!) >= 0) continue;
    if (!keep(row)) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(first[middle]!, row) <= 0) low = middle + 1;
      else high = middle;
    }
    first.splice(low, 0, row);
    if (first.length > count) first.pop();
  }
  return first;
}

/**
 * What a start shows before the cache is read (db/first-screen.ts), from a full load's answer: the
 * Dashboard's figures, and the Invoices screen's first rows in its default view (every invoice
 * once, unfiltered, in `defaultSort`), the rows that screen shows first once built.
 */
export function firstScreenOf(ledger: readonly InvoiceRow[], figures: LedgerFigures, today: string): FirstScreen {
  const compare = defaultSort.column === 'dueDate' && defaultSort.direction === 'desc' ? latestDueFirst : compareRows(defaultSort);
  return { figures, invoiceRows: firstRowsOf(ledger, invoicePredicate({}, today), compare, firstScreenRows) };
}

/**
 * `compareRows(defaultSort)` for ISO dates (YYYY-MM-DD or none, which sort the same by code
 * point as by the collator): the collator was most of a pass over a million rows (1.0-1.7 s
 * against ~0.1 s), work a load does again each time the cache changes.
 */
function latestDueFirst(a: InvoiceRow, b: InvoiceRow): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return -1;
    if (b.dueDate === null) return 1;
    return a.dueDate < b.dueDate ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether the Invoices screen shows its default view, the one a first screen holds rows of. */
export function isDefaultView(state: InvoiceListState): boolean {
  return Object.keys(queryFromState(state)).length === 0;
}
