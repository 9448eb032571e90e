import type { CurrencyTotals, InvoiceFilter } from '../queries/invoice-filter';
import { CharacterRows } from './character-rows';
import { compactTotals, matchingRows, narrowedTotals, PositionsInOrder, type MatchingRows } from './compact-invoice-query';
import type { CompactInvoices } from './compact-invoices';
import { afterInput, afterPaint } from '../lists/after-paint';
import { warmSearch } from './warm-search';

/** A filter's answer over one sorted list: the kept rows as a mask (row order) and their positions in list order. */
export interface InvoiceAnswer extends MatchingRows {
  positions: PositionsInOrder;
  /** `totalsByCurrency` of the kept rows, added up when first asked for and then kept. */
  totals(): CurrencyTotals[];
}

/**
 * Remembers the last filter answers over one sorted list, so search as you type rarely looks at
 * all rows: going back (a backspace) is a lookup, and typing on (the new text starts with the
 * old) looks only among the rows of the previous answer, which holds every row the longer text can
 * match, and is that answer again when it keeps all of them.
 */
export function createInvoiceFilterCache(limit = 32) {
  let source: Uint32Array | null = null;
  let today = '';
  const answers = new Map<string, { filter: InvoiceFilter; answer: InvoiceAnswer }>();
  const characters = new WeakMap<CompactInvoices, CharacterRows>();

  /**
   * The index's character rows, read a slice at a time whenever the page is idle until every block
   * is; with a new index, the search's code is warmed once the list is painted (warm-search.ts).
   */
  function charactersOf(index: CompactInvoices): CharacterRows {
    let rows = characters.get(index);
    if (!rows) {
      characters.set(index, (rows = new CharacterRows(index)));
      warmAfterPaint(index, today);
    }
    if (!rows.complete) readWhenIdle(rows);
    return rows;
  }

  const keyOf = (filter: InvoiceFilter) => JSON.stringify({ ...filter, text: normalised(filter.text) });

  /** The rows of `sorted` (every row's position in `index`, in list order) the filter keeps. */
  return function filterRows(index: CompactInvoices, sorted: Uint32Array, filter: InvoiceFilter, day: string): InvoiceAnswer {
    typedAt = performance.now();
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
      if (text.startsWith(shorter) && keyOf({ ...entry.filter, text: '' }) === others && entry.answer.count < (among?.count ?? Infinity)) {
        among = entry.answer;
      }
    }
    const rows = matchingRows(index, filter, day, among?.mask ?? null, charactersOf(index));
    // As many rows as the answer it narrowed are the same rows: that answer, whose totals the
    // screen has already read (at a million rows a new mask's totals cost as much as its search).
    const answer = among && rows.count === among.count ? among : { ...rows, positions: new PositionsInOrder(sorted, rows), totals: totalsOnce(index, rows, among) };
    answers.set(key, { filter, answer });
    if (answers.size > limit) answers.delete(answers.keys().next().value as string);
    return answer;
  };
}

/**
 * The kept rows' totals, added up once. Narrowed from `wider`, from its totals (`narrowedTotals`):
 * the reference to it is let go once they are read, so answers do not hold a chain of masks.
 */
function totalsOnce(index: CompactInvoices, kept: MatchingRows, wider: InvoiceAnswer | null): () => CurrencyTotals[] {
  let totals: CurrencyTotals[] | undefined;
  return () => {
    if (!totals) totals = wider ? narrowedTotals(index, kept, wider, wider.totals()) : compactTotals(index, kept.mask);
    wider = null;
    return totals;
  };
}

function normalised(text: string | undefined): string {
  return text?.trim().toLocaleLowerCase().replace(/\s+/g, ' ') ?? '';
}

/** Where frames are painted (not in Node's tests): `warmSearch` of the index's first rows after the next frame, a word at a time. */
function warmAfterPaint(index: CompactInvoices, day: string): void {
  if (typeof requestAnimationFrame !== 'function') return;
  // Only time is at stake: what fails here (amounts past exact sums) fails again, and is shown, in the list's own answer.
  void afterPaint()
    .then(() => warmSearch(index.rows, day, afterInput))
    .catch(() => undefined);
}

const reading = new WeakSet<CharacterRows>();
/**
 * Slices short enough that a keystroke arriving meanwhile waits at most a few milliseconds (the
 * browser runs input before other tasks), one after another: idle callbacks came too seldom to
 * read a million rows' text in the second before a person starts typing.
 */
const sliceMs = 8;
/** When the list was last asked for an answer (a keystroke), and how long after it typing counts as going on. */
let typedAt = Number.NEGATIVE_INFINITY;
const typingMs = 500;

/**
 * Calls `next` once the page has painted its next frame while typing goes on, else at once. One
 * slice per frame, started after the paint: back to back, a slice ran into the next keystroke's
 * frame and held its paint back (at a million rows the pairs are still being read in the first
 * seconds of typing). Without frames (a hidden page, or tests in Node) it does not wait.
 */
function afterTheFrame(next: () => void): void {
  if (performance.now() - typedAt > typingMs || typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return next();
  requestAnimationFrame(() => setTimeout(next, 0));
}

function readWhenIdle(rows: CharacterRows): void {
  if (reading.has(rows)) return;
  reading.add(rows);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    rows.extend(performance.now() + sliceMs);
    if (!rows.complete) return afterTheFrame(() => channel.port2.postMessage(null));
    reading.delete(rows);
    channel.port1.close();
  };
  channel.port2.postMessage(null);
}
