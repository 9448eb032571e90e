/**
 * How many rows the Invoices screen shows before its columns are built: more than a tall window
 * holds, so the first screen is whole; the rest comes with the columns a frame later.
 */
export const firstScreenRows = 100;

/**
 * The first `count` rows of `rows` that `keep` keeps, in `compare`'s order: exactly the first
 * rows of the whole list filtered and sorted, found in one pass without sorting it all (the rows
 * kept so far stay sorted, and a row that sorts after the last of a full set is passed over).
 */
export function firstRowsOf<Row>(rows: readonly Row[], keep: (row: Row) => boolean, compare: (a: Row, b: Row) => number, count: number): Row[] {
  const first: Row[] = [];
  for (const row of rows) {
    if (first.length === count && compare(row, first[count - 1]!) >= 0) continue;
    if (!keep(row)) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(first[middle]!, row) <= 0) low = middle + 1;
      else high = middle;
    }
    first.splice(low, 0, row);
    if (first.length > count) first.pop();
  }
  return first;
}
