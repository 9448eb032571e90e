import { CharacterRows } from '../../src-renderer/invoices/character-rows';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { compactTotals, idRanks, inListOrder, matchingRows, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { compareRows, invoicePredicate, totalsByCurrency, type InvoiceSort } from '../../src-renderer/queries/invoice-filter';
import { toInvoiceRow, type InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from '../support/records';
import type { BenchResult } from './support/bench-result';
import { collectGarbage, round, timed } from './support/measure';
import { keystrokeRounds } from './support/invoices-screen';

const scales = (process.env.RESKONTRA_BENCH_INDEX_SCALES ?? '100000').split(',').map(Number);
const today = '2025-06-30';
const sort: InvoiceSort = { column: 'dueDate', direction: 'desc' };
/** The Invoices screen benchmark's keystrokes, every word typed for the first time. */
const keystrokes = keystrokeRounds.flat();
const customers = ['Åsa Öberg AB', 'Van der Berg B.V.', 'Mäkinen Oy', 'Müller & IJzerman', 'Nilsson Bygg', 'Virtanen Oy', 'Abbe AB'];
const statuses = ['open', 'overdue', 'paid', 'disputed'] as const;

function rowsOf(count: number): InvoiceRow[] {
  return Array.from({ length: count }, (_, i) =>
    toInvoiceRow(
      invoice(`c${i % 3}`, String(100_000 + i), {
        customer: { name: `${customers[i % customers.length]} ${i % 3_000}`, number: null },
        dueDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        currency: i % 5 === 0 ? 'EUR' : 'SEK',
        total: 1_000 + (i % 90_000),
        outstanding: i % 4 === 0 ? 0 : 1_000 + (i % 90_000),
        status: statuses[i % statuses.length],
      }),
      today,
    ),
  );
}

const ratio = (value: number, ceiling: number) => Number((value / ceiling).toFixed(2));
const percentile = (times: number[], share: number) => round([...times].sort((a, b) => a - b)[Math.floor(times.length * share)]!);

/**
 * Search as you type without the screen: the same keystrokes answered (filtered rows and their
 * totals) by a scan over one object per invoice, as the list did before, and from the compact
 * columns, and from the columns with every row's characters read (`CharacterRows`), taking turns
 * so load from other work falls on all alike. None remembers earlier answers here: this is the
 * work a keystroke does when nothing can be reused.
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const scale of scales) {
    const label = scale >= 1_000_000 ? `${scale / 1_000_000}M` : `${scale / 1_000}k`;
    const rows = rowsOf(scale);
    collectGarbage();
    let sortedRows: InvoiceRow[] = [];
    const objectSortMs = timed(() => (sortedRows = [...rows].sort(compareRows(sort))).length);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let index = new CompactInvoices();
    const buildMs = timed(() => (index = new CompactInvoices(rows)).length);
    let order: Uint32Array = new Uint32Array(0);
    const columnSortMs = timed(() => (order = sortedPositions(index, sort, idRanks(index))).length);
    collectGarbage();
    const columnsMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    const characters = new CharacterRows(index);
    const charactersMs = timed(() => (characters.extend(Number.POSITIVE_INFINITY), 0));
    const { characters: characterBytes, pairs: pairBytes } = characters.bytes;
    const objects: number[] = [];
    const columns: number[] = [];
    const withCharacters: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const text of keystrokes) {
        objects.push(timed(() => totalsByCurrency(sortedRows.filter(invoicePredicate({ text }, today))).length));
        columns.push(
          timed(() => {
            const kept = matchingRows(index, { text }, today);
            return inListOrder(order, kept).length + compactTotals(index, kept.mask).length;
          }),
        );
        withCharacters.push(
          timed(() => {
            const kept = matchingRows(index, { text }, today, null, characters);
            return inListOrder(order, kept).length + compactTotals(index, kept.mask).length;
          }),
        );
      }
    }
    results.push(
      { name: `search ${label} rows: keystroke answered from columns, p95`, value: percentile(columns, 0.95), unit: 'ms', ceiling: percentile(objects, 0.95), ratio: ratio(percentile(columns, 0.95), percentile(objects, 0.95)) },
      { name: `search ${label} rows: keystroke answered from columns, median`, value: percentile(columns, 0.5), unit: 'ms', ceiling: percentile(objects, 0.5), ratio: ratio(percentile(columns, 0.5), percentile(objects, 0.5)) },
      { name: `search ${label} rows: keystroke answered from columns and character rows, p95`, value: percentile(withCharacters, 0.95), unit: 'ms', ceiling: percentile(columns, 0.95), ratio: ratio(percentile(withCharacters, 0.95), percentile(columns, 0.95)) },
      { name: `search ${label} rows: keystroke answered from columns and character rows, median`, value: percentile(withCharacters, 0.5), unit: 'ms', ceiling: percentile(columns, 0.5), ratio: ratio(percentile(withCharacters, 0.5), percentile(columns, 0.5)) },
      { name: `search ${label} rows: read the character rows (once; on screen in 8 ms slices once the list shows)`, value: round(charactersMs), unit: 'ms' },
      { name: `search ${label} rows: memory the character rows add (characters and pairs)`, value: round((characterBytes + pairBytes) / 1024 / 1024), unit: 'MB' },
      { name: `search ${label} rows: of it, the character pairs'`, value: round(pairBytes / 1024 / 1024), unit: 'MB' },
      { name: `search ${label} rows: keystroke by a scan of row objects, p95 (before)`, value: percentile(objects, 0.95), unit: 'ms' },
      { name: `search ${label} rows: sort by due date, columns (ids ranked too)`, value: round(columnSortMs), unit: 'ms', ceiling: round(objectSortMs), ratio: ratio(columnSortMs, objectSortMs) },
      { name: `search ${label} rows: sort by due date, row objects (before)`, value: round(objectSortMs), unit: 'ms' },
      { name: `search ${label} rows: build the columns`, value: round(buildMs), unit: 'ms' },
      { name: `search ${label} rows: heap the columns add`, value: round(columnsMb), unit: 'MB' },
    );
  }
  return results;
}
