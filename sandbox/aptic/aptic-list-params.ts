/** Reads $filter/$orderby/$skip/$top from a query string, with Aptic's defaults (top 25, at most 100). */
import { parseFilter, FilterError } from './odata-filter';
import type { FieldTypes } from './odata-fields';
import { parseOrderBy } from './odata-orderby';
import type { ListQuery } from './list-query';

export const DEFAULT_TOP = 25;
export const MAX_TOP = 100;

function wholeNumber(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new FilterError(`${name} must be a whole number of 0 or more, got '${raw}'`);
  return Number(raw);
}

/** Throws FilterError for anything the client got wrong; the route turns it into a 400. */
export function readListQuery(query: URLSearchParams, fields: FieldTypes): ListQuery {
  const top = wholeNumber(query, '$top', DEFAULT_TOP);
  if (top > MAX_TOP) throw new FilterError(`$top may be at most ${MAX_TOP}, got ${top}`);
  const filter = query.get('$filter');
  const orderBy = query.get('$orderby');
  return {
    skip: wholeNumber(query, '$skip', 0),
    top,
    filter: filter && filter.trim() !== '' ? parseFilter(filter, fields) : null,
    orderBy: orderBy ? parseOrderBy(orderBy, fields) : [],
  };
}
