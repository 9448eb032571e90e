import type { InvoiceFilter } from '../queries/invoice-filter';
import { filteredPositions } from './compact-invoice-query';
import type { CompactInvoices } from './compact-invoices';

/**
 * Remembers the last filter results over one sorted list, so search as you type rarely looks at
 * all rows: going back (a backspace) is a lookup, and typing on (the new text starts with the
 * old) filters the previous result, which holds every row the longer text can match.
 */
export function createInvoiceFilterCache(limit = 32) {
  let source: Uint32Array | null = null;
  let today = '';
  const results = new Map<string, { filter: InvoiceFilter; positions: Uint32Array }>();

  const keyOf = (filter: InvoiceFilter) => JSON.stringify({ ...filter, text: normalised(filter.text) });

  /** Positions in `index` of the rows of `sorted` (positions in list order) the filter keeps, in that order. */
  return function filterRows(index: CompactInvoices, sorted: Uint32Array, filter: InvoiceFilter, day: string): Uint32Array {
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
      return hit.positions;
    }
    const text = normalised(filter.text);
    const others = keyOf({ ...filter, text: '' });
    let base = sorted;
    for (const entry of results.values()) {
      const shorter = normalised(entry.filter.text);
      if (shorter !== '' && text.startsWith(shorter) && keyOf({ ...entry.filter, text: '' }) === others && entry.positions.length < base.length) {
        base = entry.positions;
      }
    }
    const positions = filteredPositions(index, base, filter, day);
    results.set(key, { filter, positions });
    if (results.size > limit) results.delete(results.keys().next().value as string);
    return positions;
  };
}

function normalised(text: string | undefined): string {
  return text?.trim().toLocaleLowerCase().replace(/\s+/g, ' ') ?? '';
}
