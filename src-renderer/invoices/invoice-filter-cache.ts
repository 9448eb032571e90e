import { invoicePredicate, type InvoiceFilter } from '../queries/invoice-filter';
import type { InvoiceRow } from '../queries/invoice-row';

/**
 * Remembers the last filter results over one sorted list, so search as you type rarely scans
 * all rows: going back (a backspace) is a lookup, and typing on (the new text starts with the
 * old) filters the previous result, which holds every row the longer text can match. A new
 * search starts from the rows containing its rarest character, not from every row.
 */
export function createInvoiceFilterCache(limit = 32) {
  let source: readonly InvoiceRow[] | null = null;
  let today = '';
  const results = new Map<string, { filter: InvoiceFilter; rows: InvoiceRow[] }>();

  const keyOf = (filter: InvoiceFilter) => JSON.stringify({ ...filter, text: normalised(filter.text) });

  return function filterRows(sorted: readonly InvoiceRow[], filter: InvoiceFilter, day: string): InvoiceRow[] {
    if (sorted !== source || day !== today) {
      results.clear();
      source = sorted;
      today = day;
    }
    const key = keyOf(filter);
    const hit = results.get(key);
    if (hit) {
      results.delete(key);
      results.set(key, hit);
      return hit.rows;
    }
    const text = normalised(filter.text);
    const others = keyOf({ ...filter, text: '' });
    let base: readonly InvoiceRow[] = text === '' ? sorted : rowsWithRarestCharacter(sorted, text);
    for (const entry of results.values()) {
      const shorter = normalised(entry.filter.text);
      if (shorter !== '' && text.startsWith(shorter) && keyOf({ ...entry.filter, text: '' }) === others && entry.rows.length < base.length) {
        base = entry.rows;
      }
    }
    const rows = base.filter(invoicePredicate(filter, day));
    results.set(key, { filter, rows });
    if (results.size > limit) results.delete(results.keys().next().value as string);
    return rows;
  };
}

/** Per sorted list: for each character, the rows whose search text holds it, in list order. */
const characterIndexes = new WeakMap<readonly InvoiceRow[], Map<string, InvoiceRow[]>>();

/** Builds a list's character index ahead of the first keystroke (the app calls it when idle). */
export function prepareSearch(sorted: readonly InvoiceRow[]): void {
  characterIndexOf(sorted);
}

function characterIndexOf(sorted: readonly InvoiceRow[]): Map<string, InvoiceRow[]> {
  let index = characterIndexes.get(sorted);
  if (!index) {
    index = new Map();
    for (const row of sorted) {
      for (const character of new Set(row.searchText)) {
        let rows = index.get(character);
        if (!rows) index.set(character, (rows = []));
        rows.push(row);
      }
    }
    characterIndexes.set(sorted, index);
  }
  return index;
}

function rowsWithRarestCharacter(sorted: readonly InvoiceRow[], text: string): readonly InvoiceRow[] {
  const index = characterIndexOf(sorted);
  let rarest: readonly InvoiceRow[] = sorted;
  for (const character of text.replace(/ /g, '')) {
    const rows = index.get(character) ?? [];
    if (rows.length < rarest.length) rarest = rows;
  }
  return rarest;
}

function normalised(text: string | undefined): string {
  return text?.trim().toLocaleLowerCase().replace(/\s+/g, ' ') ?? '';
}
