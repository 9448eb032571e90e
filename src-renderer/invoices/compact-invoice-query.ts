import { dayNumber } from '../../src-shared/dates/iso-date';
import { addMinor } from '../../src-shared/money/exact-sum';
import { invoiceStatuses, settledStatuses, type AgingBucket } from '../../src-shared/ledger/invoice-status';
import type { CurrencyTotals, InvoiceFilter, InvoiceSort } from '../queries/invoice-filter';
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

/** Each row's place when ordered by id: the tie-break that keeps every order stable. */
export function idRanks(index: CompactInvoices): Uint32Array {
  const order = Uint32Array.from({ length: index.length }, (_, i) => i);
  order.sort((a, b) => {
    const x = index.rows[a]!.id;
    const y = index.rows[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Uint32Array(index.length);
  order.forEach((row, n) => (rank[row] = n));
  return rank;
}

/** Every row's position in the list's order: the order `compareRows(sort)` gives, from the columns. */
export function sortedPositions(index: CompactInvoices, sort: InvoiceSort, idRank: Uint32Array): Uint32Array {
  const keys = sortKeys(index, sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const order = Uint32Array.from({ length: index.length }, (_, i) => i);
  return order.sort((a, b) => sign * (keys[a]! - keys[b]!) || idRank[a]! - idRank[b]!);
}

/** Lower-cased words of the search text, as `invoicePredicate` splits them. */
export function searchWords(text: string | undefined): string[] {
  return text?.trim().toLocaleLowerCase().split(/\s+/).filter((word) => word !== '') ?? [];
}

/**
 * Which rows hold every word in their search text: per word one `indexOf` walk over each block of
 * search text, never a row object. Null when there are no words (every row matches).
 */
export function rowsWithWords(index: CompactInvoices, words: readonly string[]): Uint8Array | null {
  if (words.length === 0) return null;
  const hits = new Uint8Array(index.length);
  const { textEnd } = index;
  words.forEach((word, w) => {
    for (const block of index.searchBlocks) {
      let row = block.first;
      let at = block.text.indexOf(word);
      while (at !== -1) {
        while (textEnd[row]! < at) row++;
        if (hits[row] === w) hits[row] = w + 1;
        at = block.text.indexOf(word, textEnd[row]! + 1);
      }
    }
  });
  const all = words.length;
  for (let i = 0; i < hits.length; i++) hits[i] = hits[i] === all ? 1 : 0;
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

/**
 * The positions (in `candidates`' order) of the rows the filter keeps: `invoicePredicate` read
 * from the columns. `candidates` is the sorted list, or an earlier answer known to hold every
 * row this filter can keep (typing on from a shorter search).
 */
export function filteredPositions(index: CompactInvoices, candidates: Uint32Array, filter: InvoiceFilter, today: string): Uint32Array {
  const connections = maskOf(index.connections, filter.connectionIds);
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Uint8Array(invoiceStatuses.map((status) => (filter.statuses!.includes(status) ? 1 : 0))) : null;
  const currency = filter.currency ? index.currencies.find(filter.currency) : -2;
  const customer = filter.customer !== undefined ? index.customerKeys.find(filter.customer) : -2;
  const from = filter.issuedFrom ? dayNumber(filter.issuedFrom) : null;
  const to = filter.issuedTo ? dayNumber(filter.issuedTo) : null;
  const aging = filter.aging ? agingCode[filter.aging] : 0;
  const todayNumber = dayNumber(today);
  if (currency === -1 || customer === -1) return new Uint32Array(0);
  const words = searchWords(filter.text);
  // A few candidates (typing on) are quicker to look at one by one than the whole text.
  const few = candidates.length * 16 < index.length;
  const withWords = few ? null : rowsWithWords(index, words);
  const kept = new Uint32Array(candidates.length);
  let count = 0;
  for (let n = 0; n < candidates.length; n++) {
    const i = candidates[n]!;
    if (withWords && !withWords[i]) continue;
    if (few && !words.every((word) => index.rows[i]!.searchText.includes(word))) continue;
    if (connections && !connections[index.connection[i]!]) continue;
    if (statuses && !statuses[index.status[i]!]) continue;
    if (currency >= 0 && index.currency[i] !== currency) continue;
    if (customer >= 0 && index.customerKey[i] !== customer) continue;
    if (filter.problems && !index.problems[i]) continue;
    if (from !== null && (index.issueDay[i] === noDay || index.issueDay[i]! < from)) continue;
    if (to !== null && (index.issueDay[i] === noDay || index.issueDay[i]! > to)) continue;
    if (aging && agingOf(index, i, todayNumber) !== aging) continue;
    kept[count++] = i;
  }
  return kept.slice(0, count);
}

const overdueCode = invoiceStatuses.indexOf('overdue');

/**
 * `totalsByCurrency` of the rows at `positions`, from the columns. Exact: every amount is an
 * integer and the sum of their sizes stays within the float's exact range (else it throws, as
 * `addMinor` does), so no partial sum was ever rounded.
 */
export function compactTotals(index: CompactInvoices, positions: Uint32Array): CurrencyTotals[] {
  const currencies = index.currencies.values.length;
  const count = new Float64Array(currencies);
  const total = new Float64Array(currencies);
  const outstanding = new Float64Array(currencies);
  const overdue = new Float64Array(currencies);
  const overdueCount = new Float64Array(currencies);
  let size = 0;
  for (const i of positions) {
    const c = index.currency[i]!;
    const owed = index.outstanding[i]!;
    count[c]! += 1;
    total[c]! += index.total[i]!;
    outstanding[c]! += owed;
    size += Math.abs(index.total[i]!) + 2 * Math.abs(owed);
    if (index.status[i] === overdueCode) {
      overdue[c]! += owed;
      overdueCount[c]! += 1;
    }
  }
  addMinor(size, 0);
  return index.currencies.values
    .map((currency, c) => ({ currency, count: count[c]!, total: total[c]!, outstanding: outstanding[c]!, overdue: overdue[c]!, overdueCount: overdueCount[c]! }))
    .filter((row) => row.count > 0)
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
