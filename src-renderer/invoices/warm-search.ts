import { CharacterRows } from './character-rows';
import { compactTotals, idRanks, matchingRows, narrowedTotals, PositionsInOrder, sortedPositions } from './compact-invoice-query';
import { CompactInvoices } from './compact-invoices';
import type { InvoiceRow } from '../queries/invoice-row';

/** Rows of the copy searched: enough for every path of the search, a few milliseconds once warm. */
const sampleRows = 1_024;

/**
 * Runs the search's code once over a small copy of the list's first rows: each word typed on a
 * character at a time, its rows found in list order and totalled, first by walking the texts
 * and then from character and pair bits. V8 runs a function's first calls unoptimized, and a
 * search's loops over 100,000 rows cost several times as much there: the first typing of a word
 * took 6–40 ms in Node where its second took 1 ms. Only the copy is read and written (its own
 * columns and bits): no answer of the list is made, kept or changed. `between` is awaited after
 * each word (the page's input goes first: cold, the whole took 35–90 ms under load). Says how many
 * searches it ran.
 */
export async function warmSearch(rows: readonly InvoiceRow[], today: string, between: () => Promise<void> = async () => {}): Promise<number> {
  const sample = new CompactInvoices(rows.slice(0, sampleRows));
  if (sample.length === 0) return 0;
  const order = sortedPositions(sample, { column: 'dueDate', direction: 'desc' }, idRanks(sample));
  const characters = new CharacterRows(sample);
  // Words of the first rows as people type them (numbers, names), each found in the copy: three
  // of at least three characters where there are, so longer words' paths are run too.
  const distinct = [...new Set(sample.searchBlocks[0]!.text.split(/\s+/).filter((word) => word.length > 0))];
  const long = distinct.filter((word) => word.length >= 3);
  const words = (long.length >= 3 ? long : distinct).slice(0, 3);
  let searches = 0;
  for (const read of [false, true]) {
    if (read) characters.extend(Number.POSITIVE_INFINITY);
    for (const word of words) {
      let wider = matchingRows(sample, {}, today);
      let widerTotals = compactTotals(sample, wider.mask);
      for (let length = 1; length <= Math.min(word.length, 5); length++) {
        const kept = matchingRows(sample, { text: word.slice(0, length) }, today, wider.mask, read ? characters : null);
        const positions = new PositionsInOrder(order, kept);
        for (let place = 0; place < 32; place++) positions.at(place);
        widerTotals = narrowedTotals(sample, kept, wider, widerTotals);
        wider = kept;
        searches++;
      }
      await between();
    }
  }
  return searches;
}
