/**
 * API Platform's JSON-LD collection with page-based pagination: `?page=N` (1-based) and
 * `?itemsPerPage=M` (default 30; larger values are clamped to 100, as API Platform's
 * maximum_items_per_page does). `hydra:view` links first/last/previous/next; clients should
 * follow `hydra:next` until it is absent.
 */
import { json, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import { flowtlyProblem } from './flowtly-problem';

export const DEFAULT_ITEMS_PER_PAGE = 30;
export const MAX_ITEMS_PER_PAGE = 100;

export interface CollectionSource<T> {
  /** The collection's IRI, e.g. /invoices or /invoices/draft. */
  iri: string;
  /** JSON-LD context resource name: /contexts/Invoice. */
  context: string;
  total: number;
  itemAt(position: number): T;
}

function positiveInteger(value: string | null): number | null | 'invalid' {
  if (value === null || value === '') return null;
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : 'invalid';
}

export function hydraCollection<T>(context: RequestContext, source: CollectionSource<T>): Reply {
  const page = positiveInteger(context.query.get('page'));
  const requestedPerPage = positiveInteger(context.query.get('itemsPerPage'));
  if (page === 'invalid') return flowtlyProblem(400, 'Page should not be less than 1');
  if (requestedPerPage === 'invalid') return flowtlyProblem(400, 'itemsPerPage must be a positive whole number');
  const current = page ?? 1;
  const perPage = Math.min(requestedPerPage ?? DEFAULT_ITEMS_PER_PAGE, MAX_ITEMS_PER_PAGE);
  const lastPage = Math.max(1, Math.ceil(source.total / perPage));
  const link = (n: number): string => `${source.iri}?${requestedPerPage !== null ? `itemsPerPage=${perPage}&` : ''}page=${n}`;
  const members: T[] = [];
  for (let p = (current - 1) * perPage; p < Math.min(source.total, current * perPage); p += 1) members.push(source.itemAt(p));
  const view: Record<string, string> = {
    '@id': link(current),
    '@type': 'hydra:PartialCollectionView',
    'hydra:first': link(1),
    'hydra:last': link(lastPage),
  };
  if (current > 1) view['hydra:previous'] = link(Math.min(current - 1, lastPage));
  if (current < lastPage) view['hydra:next'] = link(current + 1);
  return json(
    200,
    {
      '@context': source.context,
      '@id': source.iri,
      '@type': 'hydra:Collection',
      'hydra:member': members,
      'hydra:totalItems': source.total,
      'hydra:view': view,
    },
    { 'content-type': 'application/ld+json; charset=utf-8' },
  );
}
