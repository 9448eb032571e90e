import { markRaw } from 'vue';

/** What a list component needs of its rows: how many, and the one at a place. An array is one. */
export interface RowList<Row> {
  readonly length: number;
  at(place: number): Row | undefined;
}

/**
 * The rows at `positions` of `all`, in that order, without copying them: a keystroke over a
 * million invoices then builds no array of a million row references (which cost more than the
 * search itself), and the table reads only the rows in view. Raw: Vue must not wrap it.
 */
export function positionedRows<Row>(all: readonly Row[], positions: RowList<number>): RowList<Row> {
  return markRaw({
    length: positions.length,
    at: (place: number) => {
      const position = positions.at(place);
      return position === undefined ? undefined : all[position];
    },
  });
}

/** Every row of a list, in order (for the few actions that need them all, e.g. select all). */
export function* rowsOf<Row>(list: RowList<Row>): Generator<Row> {
  for (let place = 0; place < list.length; place++) yield list.at(place)!;
}
