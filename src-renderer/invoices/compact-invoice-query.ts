import { dayNumber } from '../../src-shared/dates/iso-date';
import { addMinor } from '../../src-shared/money/exact-sum';
import { invoiceStatuses, settledStatuses, type AgingBucket } from '../../src-shared/ledger/invoice-status';
import type { CurrencyTotals, InvoiceFilter, InvoiceSort } from '../queries/invoice-filter';
import type { CharacterRows } from './character-rows';
import { noDay, textColumns, type CompactInvoices, type Dictionary, type TextColumn } from './compact-invoices';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Each value's place among `values` as `compareRows` orders strings; equal ones share it. */
function ranks(values: readonly string[]): Float64Array {
  const order = values.map((_, code) => code).sort((a, b) => collator.compare(values[a]!, values[b]!));
  const rank = new Float64Array(order.length);
  order.forEach((code, n) => {
    const previous = order[n - 1];
    rank[code] = n > 0 && collator.compare(values[previous!]!, values[code]!) === 0 ? rank[previous!]! : n;
  });
  return rank;
}

const statusRank = (() => {
  const words = [...invoiceStatuses];
  const sorted = [...words].sort(collator.compare);
  return new Float64Array(words.map((word) => sorted.indexOf(word)));
})();

/** Per row, the value the list is sorted by, as a number (a null date is `noDay`, after every day). */
function sortKeys(index: CompactInvoices, column: InvoiceSort['column']): Float64Array {
  const keys = new Float64Array(index.length);
  const mapped = (codes: ArrayLike<number>, rank: Float64Array) => {
    for (let i = 0; i < index.length; i++) keys[i] = rank[codes[i]!]!;
  };
  if ((textColumns as readonly string[]).includes(column)) mapped(index.textCodes[column as TextColumn], ranks(index.texts[column as TextColumn].values));
  else if (column === 'number') keys.set(ranks(index.rows.map((row) => row.number)));
  else if (column === 'currency') mapped(index.currency, ranks(index.currencies.values));
  else if (column === 'status') mapped(index.status, statusRank);
  else if (column === 'issueDate') keys.set(index.issueDay.subarray(0, index.length));
  else if (column === 'dueDate') keys.set(index.dueDay.subarray(0, index.length));
  else keys.set((column === 'total' ? index.total : index.outstanding).subarray(0, index.length));
  return keys;
}

/**
 * Each row's place when ordered by id: the tie-break that keeps every order stable. Sorted as a
 * plain array, whose sort (TimSort) runs through what is in order already: the rows come nearly
 * in id order (records by id, the ledger in its records' order), where a typed array's sort took
 * every comparison of a full merge sort.
 */
export function idRanks(index: CompactInvoices): Uint32Array {
  const { rows } = index;
  const order = Array.from({ length: index.length }, (_, i) => i);
  order.sort((a, b) => {
    const x = rows[a]!.id;
    const y = rows[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Uint32Array(index.length);
  order.forEach((row, n) => (rank[row] = n));
  return rank;
}

/**
 * Every row's position in the list's order: the order `compareRows(sort)` gives, from the columns.
 * Where the rows' keys are few (days, statuses, customers, currencies), by buckets
 * (`bucketedPositions`); otherwise (numbers, amounts) by comparing.
 */
export function sortedPositions(index: CompactInvoices, sort: InvoiceSort, idRank: Uint32Array): Uint32Array {
  const keys = sortKeys(index, sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const bucketed = bucketedPositions(keys, sign, idRank);
  if (bucketed) return bucketed;
  const order = Uint32Array.from({ length: index.length }, (_, i) => i);
  return order.sort((a, b) => sign * (keys[a]! - keys[b]!) || idRank[a]! - idRank[b]!);
}

/**
 * The rows' positions in order of `sign * key`, then id rank, without comparing rows: the distinct
 * keys are sorted, each gets a run of positions as long as its rows, and the rows, visited in id
 * order, fill their key's run. Null where the keys are too many to gain (more than one in eight
 * rows, as amounts are). At 100,000 rows by due date: a few ms, where comparing took 30–100 ms.
 */
function bucketedPositions(keys: Float64Array, sign: number, idRank: Uint32Array): Uint32Array | null {
  const n = keys.length;
  const most = (n >>> 3) + 16;
  const bucketOfKey = new Map<number, number>();
  const distinct: number[] = [];
  const bucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    let at = bucketOfKey.get(key);
    if (at === undefined) {
      if (distinct.length === most) return null;
      bucketOfKey.set(key, (at = distinct.push(key) - 1));
    }
    bucket[i] = at;
  }
  const bucketOrder = distinct.map((_, at) => at).sort((a, b) => sign * (distinct[a]! - distinct[b]!));
  const sizes = new Uint32Array(distinct.length);
  for (let i = 0; i < n; i++) sizes[bucket[i]!]!++;
  const next = new Uint32Array(distinct.length);
  let first = 0;
  for (const at of bucketOrder) {
    next[at] = first;
    first += sizes[at]!;
  }
  const rowOfRank = new Uint32Array(n);
  for (let i = 0; i < n; i++) rowOfRank[idRank[i]!] = i;
  const positions = new Uint32Array(n);
  for (let rank = 0; rank < n; rank++) {
    const row = rowOfRank[rank]!;
    positions[next[bucket[row]!]!++] = row;
  }
  return positions;
}

/** Lower-cased words of the search text, as `invoicePredicate` splits them. */
export function searchWords(text: string | undefined): string[] {
  return text?.trim().toLocaleLowerCase().split(/\s+/).filter((word) => word !== '') ?? [];
}

/** Whether at most one row in 8 of rows `first` to `end` is still a candidate. */
function fewCandidates(hits: Uint8Array, first: number, end: number): boolean {
  let count = 0;
  for (let row = first; row < end; row++) count += hits[row]!;
  return count * 8 <= end - first;
}

/**
 * Clears in `hits` (rows `first` to `end`, whose texts `text` holds) each row whose own text lacks
 * `word`, looking within that row alone. Where candidates are few, the walk's search from one of
 * them runs on through the rows between to the next occurrence, a long way for a word of common
 * characters (`1042`: 97 ms at a million rows, 10 ms this way).
 */
function keepRowsHolding(word: string, hits: Uint8Array, first: number, end: number, text: string, textEnd: Uint32Array): void {
  for (let row = first; row < end; row++) {
    if (hits[row] && !text.substring(row === first ? 0 : textEnd[row - 1]! + 1, textEnd[row]).includes(word)) hits[row] = 0;
  }
}

/**
 * Which rows hold every word in their search text, as a mask in row order (1: holds them), among
 * `among` (a mask of the rows that can: an earlier answer when typing on) or every row. Per word
 * one forward walk over each block of search text: a row is looked at only while it is still a
 * candidate, and an occurrence found past it answers every candidate before that occurrence, so
 * no character is read twice and never a row object. In a block `characters` has read, the rows
 * lacking one of the word's characters or character pairs are dropped first: a word of one or two
 * characters needs no walk, and where few rows are left each is looked at alone.
 * A new mask: the caller may change it.
 */
export function rowsWithWords(index: CompactInvoices, words: readonly string[], among: Uint8Array | null, characters: CharacterRows | null = null): Uint8Array {
  const hits = among ? among.slice(0, index.length) : new Uint8Array(index.length).fill(1);
  const { textEnd } = index;
  for (const word of words) {
    index.searchBlocks.forEach(({ first, end, text }, block) => {
      if (characters?.covers(block)) {
        if (characters.keepRowsWithAll(word, hits, first, end, block)) return;
        if (fewCandidates(hits, first, end)) return keepRowsHolding(word, hits, first, end, text, textEnd);
      }
      /** The next occurrence at or after the current row's start (none left in the block: -1). */
      let next = -1;
      let start = 0;
      for (let row = first; row < end; row++) {
        if (hits[row]) {
          if (next < start) next = text.indexOf(word, start);
          if (next === -1) {
            hits.fill(0, row, end);
            break;
          }
          // No word holds the line break that ends each row's text, so an occurrence is within one row.
          if (next >= textEnd[row]!) hits[row] = 0;
        }
        start = textEnd[row]! + 1;
      }
    });
  }
  return hits;
}

const agingCode: Record<AgingBucket, number> = { 'not-due': 1, '1-30': 2, '31-60': 3, '61-90': 4, 'over-90': 5 };
const settled = new Uint8Array(invoiceStatuses.map((status) => (settledStatuses.has(status) ? 1 : 0)));

/** `agingBucketOf` from the columns, as a code (0: nothing expected). */
function agingOf(index: CompactInvoices, row: number, today: number): number {
  if (index.outstanding[row]! <= 0 || settled[index.status[row]!]) return 0;
  const due = index.dueDay[row]!;
  if (due === noDay || due >= today) return 1;
  const late = today - due;
  return late <= 30 ? 2 : late <= 60 ? 3 : late <= 90 ? 4 : 5;
}

function maskOf(dictionary: Dictionary, wanted: readonly string[] | undefined): Uint8Array | null {
  if (!wanted || wanted.length === 0) return null;
  const mask = new Uint8Array(dictionary.values.length);
  for (const value of wanted) {
    const code = dictionary.find(value);
    if (code >= 0) mask[code] = 1;
  }
  return mask;
}

/** The rows the filter keeps, as a mask in row order, and how many. */
export interface MatchingRows {
  mask: Uint8Array;
  count: number;
}

/**
 * The rows the filter keeps: `invoicePredicate` read from the columns, in row order (the columns
 * are read one after another, not in the list's order). `among` is an earlier answer known to
 * hold every row this filter can keep (typing on from a shorter search), or null for every row.
 */
export function matchingRows(index: CompactInvoices, filter: InvoiceFilter, today: string, among: Uint8Array | null = null, characters: CharacterRows | null = null): MatchingRows {
  const connections = maskOf(index.connections, filter.connectionIds);
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Uint8Array(invoiceStatuses.map((status) => (filter.statuses!.includes(status) ? 1 : 0))) : null;
  const currency = filter.currency ? index.currencies.find(filter.currency) : -2;
  const customer = filter.customer !== undefined ? index.customerKeys.find(filter.customer) : -2;
  const from = filter.issuedFrom ? dayNumber(filter.issuedFrom) : null;
  const to = filter.issuedTo ? dayNumber(filter.issuedTo) : null;
  const aging = filter.aging ? agingCode[filter.aging] : 0;
  const todayNumber = dayNumber(today);
  if (currency === -1 || customer === -1) return { mask: new Uint8Array(index.length), count: 0 };
  const mask = rowsWithWords(index, searchWords(filter.text), among, characters);
  let count = 0;
  // A search alone (the common case while typing): only the count is left, not a test per row.
  if (!connections && !statuses && currency < 0 && customer < 0 && !filter.problems && from === null && to === null && !aging) {
    for (let i = 0; i < index.length; i++) count += mask[i]!;
    return { mask, count };
  }
  for (let i = 0; i < index.length; i++) {
    if (!mask[i]) continue;
    const kept =
      (!connections || connections[index.connection[i]!]) &&
      (!statuses || statuses[index.status[i]!]) &&
      (currency < 0 || index.currency[i] === currency) &&
      (customer < 0 || index.customerKey[i] === customer) &&
      (!filter.problems || index.problems[i]) &&
      (from === null || (index.issueDay[i] !== noDay && index.issueDay[i]! >= from)) &&
      (to === null || (index.issueDay[i] !== noDay && index.issueDay[i]! <= to)) &&
      (!aging || agingOf(index, i, todayNumber) === aging);
    if (kept) count++;
    else mask[i] = 0;
  }
  return { mask, count };
}

/** The kept rows' positions in the list's order (`sorted`: every row's position, in that order). */
export function inListOrder(sorted: Uint32Array, kept: MatchingRows): Uint32Array {
  const positions = new PositionsInOrder(sorted, kept);
  positions.at(kept.count - 1);
  return positions.found.subarray(0, kept.count);
}

/**
 * The kept rows' positions in the list's order, found only as far as they are read: a keystroke
 * that keeps most of a million rows shows its first few dozen after reading about as many of
 * the list's order, not all of it.
 */
export class PositionsInOrder {
  found: Uint32Array;
  private filled = 0;
  /** How far into `sorted` the rows have been looked at. */
  private read = 0;

  constructor(
    private readonly sorted: Uint32Array,
    private readonly kept: MatchingRows,
  ) {
    // Every row kept: the order itself.
    if (kept.count === sorted.length) this.filled = (this.found = sorted).length;
    else this.found = new Uint32Array(Math.min(kept.count, 256));
  }

  get length(): number {
    return this.kept.count;
  }

  /** The position in the columns of the row at `place` in the list. */
  at(place: number): number | undefined {
    if (place < 0 || place >= this.kept.count) return undefined;
    if (place >= this.filled) this.findUpTo(Math.min(this.kept.count, Math.max(place + 1, this.filled * 2)));
    return this.found[place];
  }

  private findUpTo(wanted: number): void {
    if (wanted > this.found.length) {
      const grown = new Uint32Array(wanted);
      grown.set(this.found.subarray(0, this.filled));
      this.found = grown;
    }
    const { sorted, found } = this;
    const { mask } = this.kept;
    let { filled, read } = this;
    for (; read < sorted.length && filled < wanted; read++) {
      const i = sorted[read]!;
      if (mask[i]) found[filled++] = i;
    }
    this.filled = filled;
    this.read = read;
  }
}

const overdueCode = invoiceStatuses.indexOf('overdue');
/** Per currency code, five sums in a row: count, total, outstanding, overdue, overdue count. */
const figures = 5;

/**
 * Adds into `sums` (`sign` 1) or takes away from them (-1) the figures of every row in `keep` and
 * not in `drop` (masks in row order). Four rows' bytes are looked at in one 32-bit word first: an
 * answer's rows are often few, and then most words are skipped whole.
 */
function addRows(index: CompactInvoices, sums: Float64Array, sign: number, keep: Uint8Array, drop: Uint8Array | null): void {
  const { length, currency, total, outstanding, status } = index;
  const aligned = keep.byteOffset % 4 === 0 && (!drop || drop.byteOffset % 4 === 0);
  // A mask off a 4-byte boundary (a view into another buffer) is read a byte at a time.
  const words = aligned ? Math.min(length, keep.length, drop?.length ?? length) >>> 2 : 0;
  const keep32 = aligned ? new Uint32Array(keep.buffer, keep.byteOffset, words) : new Uint32Array(0);
  const drop32 = drop && aligned ? new Uint32Array(drop.buffer, drop.byteOffset, words) : null;
  const add = (i: number) => {
    const c = currency[i]! * figures;
    const owed = outstanding[i]!;
    sums[c]! += sign;
    sums[c + 1]! += sign * total[i]!;
    sums[c + 2]! += sign * owed;
    if (status[i] === overdueCode) {
      sums[c + 3]! += sign * owed;
      sums[c + 4]! += sign;
    }
  };
  for (let w = 0; w < words; w++) {
    // Each byte is 0 or 1, so `keep & ~drop` is 1 exactly in the bytes of rows kept and not dropped.
    if ((drop32 ? keep32[w]! & ~drop32[w]! : keep32[w]!) === 0) continue;
    for (let i = w << 2; i < (w + 1) << 2; i++) if (keep[i] && !drop?.[i]) add(i);
  }
  for (let i = words << 2; i < length; i++) if (keep[i] && !drop?.[i]) add(i);
}

/** What every row's amounts add up to in size, as far as it has been added (rows can be appended). */
const sizes = new WeakMap<CompactInvoices, { rows: number; size: number }>();

/**
 * Throws, as `addMinor` does, unless every partial sum of the rows in `mask` is an exact integer.
 * Once for the whole index: when all rows' sizes add up within the float's exact range, so do any
 * rows' (and a difference of two such sums), and a keystroke need not add them up again.
 */
function checkExact(index: CompactInvoices, mask: Uint8Array): void {
  const known = sizes.get(index) ?? { rows: 0, size: 0 };
  for (; known.rows < index.length; known.rows++) known.size += Math.abs(index.total[known.rows]!) + 2 * Math.abs(index.outstanding[known.rows]!);
  sizes.set(index, known);
  if (Number.isSafeInteger(known.size)) return;
  let size = 0;
  for (let i = 0; i < index.length; i++) if (mask[i]) size += Math.abs(index.total[i]!) + 2 * Math.abs(index.outstanding[i]!);
  addMinor(size, 0);
}

function totalsOf(index: CompactInvoices, sums: Float64Array): CurrencyTotals[] {
  return index.currencies.values
    .map((currency, c) => {
      const [count, total, outstanding, overdue, overdueCount] = sums.subarray(c * figures, (c + 1) * figures);
      return { currency, count: count!, total: total!, outstanding: outstanding!, overdue: overdue!, overdueCount: overdueCount! };
    })
    .filter((row) => row.count > 0)
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

/**
 * `totalsByCurrency` of the rows in `mask` (row order), from the columns. Exact: every amount is an
 * integer and the sum of their sizes stays within the float's exact range (else it throws, as
 * `addMinor` does), so no partial sum was ever rounded.
 */
export function compactTotals(index: CompactInvoices, mask: Uint8Array): CurrencyTotals[] {
  checkExact(index, mask);
  const sums = new Float64Array(index.currencies.values.length * figures);
  addRows(index, sums, 1, mask, null);
  return totalsOf(index, sums);
}

/**
 * `compactTotals` of `kept`, a narrowing of `wider` whose totals are known: when fewer rows were
 * dropped than kept, those totals less the dropped rows' (a search's first character keeps most
 * of a million rows), else the kept rows added up. The same figures either way: every sum is exact.
 */
export function narrowedTotals(index: CompactInvoices, kept: MatchingRows, wider: MatchingRows, widerTotals: readonly CurrencyTotals[]): CurrencyTotals[] {
  if (kept.count <= wider.count - kept.count) return compactTotals(index, kept.mask);
  checkExact(index, wider.mask);
  const sums = new Float64Array(index.currencies.values.length * figures);
  for (const row of widerTotals) {
    const c = index.currencies.find(row.currency) * figures;
    sums.set([row.count, row.total, row.outstanding, row.overdue, row.overdueCount], c);
  }
  addRows(index, sums, -1, wider.mask, kept.mask);
  return totalsOf(index, sums);
}
