import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { InvoiceStatus } from '../../src-shared/domain/records';
import { isIsoDate } from '../../src-shared/dates/iso-date';
import { agingBuckets, invoiceStatuses, type AgingBucket } from '../../src-shared/ledger/invoice-status';
import type { QueryCodec } from '../lists/query-fields';
import { sortableColumns, type InvoiceFilter, type InvoiceSort, type SortColumn } from '../queries/invoice-filter';

export interface InvoiceListState {
  filter: InvoiceFilter;
  sort: InvoiceSort;
}

export const defaultSort: InvoiceSort = { column: 'dueDate', direction: 'desc' };

function one(value: LocationQuery[string] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

function many(value: LocationQuery[string] | undefined): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item !== '');
}

/**
 * The Invoices screen's filter lives in the address (so it survives a restart and every
 * dashboard figure can link to its list). Anything unknown in the address is ignored.
 */
export function stateFromQuery(query: LocationQuery): InvoiceListState {
  const filter: InvoiceFilter = {};
  const text = one(query.q);
  if (text) filter.text = text;
  const connections = many(query.connection);
  if (connections.length > 0) filter.connectionIds = connections;
  const statuses = many(query.status).filter((s): s is InvoiceStatus => (invoiceStatuses as readonly string[]).includes(s));
  // Addresses from before the "Overdue only" box was folded into Status keep working.
  if (statuses.length === 0 && one(query.overdue) === '1') statuses.push('overdue');
  if (statuses.length > 0) filter.statuses = statuses;
  const currency = one(query.currency);
  if (currency && /^[A-Z]{3}$/.test(currency)) filter.currency = currency;
  if (one(query.problems) === '1') filter.problems = true;
  const from = one(query.from);
  if (from && isIsoDate(from)) filter.issuedFrom = from;
  const to = one(query.to);
  if (to && isIsoDate(to)) filter.issuedTo = to;
  const customer = one(query.customer);
  if (customer) filter.customer = customer;
  const aging = one(query.aging);
  if (aging && (agingBuckets as readonly string[]).includes(aging)) filter.aging = aging as AgingBucket;

  const column = one(query.sort);
  const sort: InvoiceSort = {
    column: column && (sortableColumns as readonly string[]).includes(column) ? (column as SortColumn) : defaultSort.column,
    direction: one(query.dir) === 'asc' ? 'asc' : one(query.dir) === 'desc' ? 'desc' : defaultSort.direction,
  };
  return { filter, sort };
}

export function queryFromState({ filter, sort }: InvoiceListState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filter.text?.trim()) query.q = filter.text;
  if (filter.connectionIds?.length) query.connection = [...filter.connectionIds];
  if (filter.statuses?.length) query.status = [...filter.statuses];
  if (filter.currency) query.currency = filter.currency;
  if (filter.problems) query.problems = '1';
  if (filter.issuedFrom) query.from = filter.issuedFrom;
  if (filter.issuedTo) query.to = filter.issuedTo;
  if (filter.aging) query.aging = filter.aging;
  if (filter.customer !== undefined) query.customer = filter.customer;
  if (sort.column !== defaultSort.column || sort.direction !== defaultSort.direction) {
    query.sort = sort.column;
    query.dir = sort.direction;
  }
  return query;
}

export const invoiceListQuery: QueryCodec<InvoiceListState> = { read: stateFromQuery, write: queryFromState };
