import type { InvoiceFilter } from '../queries/invoice-filter';
import { matchingRows, PositionsInOrder, type MatchingRows } from './compact-invoice-query';
import type { CompactInvoices } from './compact-invoices';

/** A filter's answer over one sorted list: the kept rows as a mask (row order) and their positions in list order. */
export interface InvoiceAnswer extends MatchingRows {
  positions: PositionsInOrder;
}

/**
 * Remembers the last filter answers over one sorted list, so search as you type rarely looks at
 * all rows: going back (a backspace) is a lookup, and typing on (the new text starts with the
 * old) looks only among the rows of the previous answer, which holds every row the longer text can match.
 */
export function createInvoiceFilterCache(limit = 32) {
  let source: Uint32Array | null = null;
  let today = '';
  const answers = new Map<string, { filter: InvoiceFilter; answer: InvoiceAnswer }>();

  const keyOf = (filter: InvoiceFilter) => JSON.stringify({ ...filter, text: normalised(filter.text) });

  /** The rows of `sorted` (every row's position in `index`, in list order) the filter keeps. */
  return function filterRows(index: CompactInvoices, sorted: Uint32Array, filter: InvoiceFilter, day: string): InvoiceAnswer {
    if (sorted !== source || day !== today) {
      answers.clear();
      source = sorted;
      today = day;
    }
    const key = keyOf(filter);
    const hit = answers.get(key);
    if (hit) {
      answers.delete(key);
      answers.set(key, hit);
      return hit.answer;
    }
    const text = normalised(filter.text);
    const others = keyOf({ ...filter, text: '' });
    let among: InvoiceAnswer | null = null;
    for (const entry of answers.values()) {
      const shorter = normalised(entry.filter.text);
      if (shorter !== '' && text.startsWith(shorter) && keyOf({ ...entry.filter, text: '' }) === others && entry.answer.count < (among?.count ?? Infinity)) {
        among = entry.answer;
      }
    }
    const rows = matchingRows(index, filter, day, among?.mask ?? null);
    const answer = { ...rows, positions: new PositionsInOrder(sorted, rows) };
    answers.set(key, { filter, answer });
    if (answers.size > limit) answers.delete(answers.keys().next().value as string);
    return answer;
  };
}

function normalised(text: string | undefined): string {
  return text?.trim().toLocaleLowerCase().replace(/\s+/g, ' ') ?? '';
}
