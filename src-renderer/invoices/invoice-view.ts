import type { InvoiceFilter } from '../queries/invoice-filter';

/**
 * Which rows an invoice list shows: every invoice once (the ledger), or, when it is filtered to
 * one connection, that provider's own records as it holds them.
 */
export type InvoiceView = 'ledger' | 'records';

export function viewOf(filter: InvoiceFilter): InvoiceView {
  return filter.connectionIds && filter.connectionIds.length > 0 ? 'records' : 'ledger';
}
