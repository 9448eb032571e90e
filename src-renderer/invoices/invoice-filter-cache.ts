import { invoicePredicate, type InvoiceFilter } from '../queries/invoice-filter';
import type { InvoiceRow } from '../queries/invoice-row';

/**
 * Remembers the last filter results over one sorted list, so search as you type rarely scans
 * all rows: going back (a backspace) is a lookup, and typing on (the new text starts with the
 * old) filters the previous result, which holds every row the longer text can match.
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
    let base: readonly InvoiceRow[] = sorted;
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

function normalised(text: string | undefined): string {
  return text?.trim().toLocaleLowerCase().replace(/\s+/g, ' ') ?? '';
}
