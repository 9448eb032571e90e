/**
 * Runs $filter/$orderby/$skip/$top over a source that produces items by position, holding at
 * most one page of items: unsorted queries stream and keep only the page; sorted ones keep just
 * (sort keys, position) per match, then regenerate the page's items.
 */
import { compareValues } from './odata-fields';
import type { Predicate } from './odata-filter';
import type { SortKey } from './odata-orderby';

export interface PositionalSource<T> {
  size: number;
  itemAt(position: number): T;
}

export interface ListQuery {
  filter: Predicate | null;
  orderBy: readonly SortKey[];
  skip: number;
  top: number;
}

export interface ListPage<T> {
  total: number;
  items: T[];
}

type Row = Readonly<Record<string, unknown>>;

export function runListQuery<T extends object>(source: PositionalSource<T>, query: ListQuery): ListPage<T> {
  const { filter, orderBy, skip, top } = query;
  const asRow = (item: T): Row => item as Row;
  if (!filter && orderBy.length === 0) {
    const items: T[] = [];
    for (let p = skip; p < Math.min(source.size, skip + top); p += 1) items.push(source.itemAt(p));
    return { total: source.size, items };
  }
  if (orderBy.length === 0) {
    const items: T[] = [];
    let total = 0;
    for (let p = 0; p < source.size; p += 1) {
      const item = source.itemAt(p);
      if (filter && !filter(asRow(item))) continue;
      if (total >= skip && total < skip + top) items.push(item);
      total += 1;
    }
    return { total, items };
  }
  const matches: { position: number; keys: unknown[] }[] = [];
  for (let p = 0; p < source.size; p += 1) {
    const row = asRow(source.itemAt(p));
    if (filter && !filter(row)) continue;
    matches.push({ position: p, keys: orderBy.map((key) => row[key.field]) });
  }
  matches.sort((a, b) => {
    for (let k = 0; k < orderBy.length; k += 1) {
      const key = orderBy[k];
      if (!key) continue;
      const order = compareValues(key.type, a.keys[k], b.keys[k]);
      if (order !== 0) return key.descending ? -order : order;
    }
    // Position breaks ties, so pages never overlap or skip when keys repeat.
    return a.position - b.position;
  });
  return { total: matches.length, items: matches.slice(skip, skip + top).map((match) => source.itemAt(match.position)) };
}

/** An in-memory list as a positional source (an invoice's transactions). */
export function arraySource<T>(rows: readonly T[]): PositionalSource<T> {
  return {
    size: rows.length,
    itemAt(position) {
      const row = rows[position];
      if (row === undefined) throw new RangeError(`no row at ${position}`);
      return row;
    },
  };
}
