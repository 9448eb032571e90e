/** Flowtly's read endpoints: JSON-LD collections and items for invoices, rows, transactions, payment methods. */
import { FLOWTLY_PAYMENT_METHODS } from '../data/flowtly-view';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Route } from '../http/router';
import type { FlowtlyState } from './flowtly-state';
import { flowtlyProblem } from './flowtly-problem';
import { hydraCollection } from './hydra-collection';

const LD_JSON = { 'content-type': 'application/ld+json; charset=utf-8' };

/** One resource as JSON-LD (with its @context, as API Platform sends items), or a 404 problem. */
export function itemOr404(item: { '@type': string } | null | undefined, context: RequestContext, status = 200): Reply {
  return item ? json(status, { '@context': `/contexts/${item['@type']}`, ...item }, LD_JSON) : flowtlyProblem(404, `Not Found: ${context.path}`);
}

function numericId(context: RequestContext): number {
  const raw = context.params.id ?? '';
  return /^\d+$/.test(raw) ? Number(raw) : -1;
}

/** A collection whose ids are 1..count (rows, transactions): the collection route and the item route. */
function numberedResource<T extends { '@type': string }>(iri: string, ldContext: string, count: () => number, at: (position: number) => T): Route[] {
  return [
    { method: 'GET', pattern: iri, handle: (context) => hydraCollection(context, { iri, context: ldContext, total: count(), itemAt: at }) },
    {
      method: 'GET',
      pattern: `${iri}/:id`,
      handle: (context) => {
        const id = numericId(context);
        return itemOr404(id >= 1 && id <= count() ? at(id - 1) : null, context);
      },
    },
  ];
}

export function flowtlyReadRoutes(state: FlowtlyState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/invoices',
      handle: (context) => hydraCollection(context, { iri: '/invoices', context: '/contexts/Invoice', total: state.invoiceCount(), itemAt: (p) => state.invoiceAt(p) }),
    },
    {
      method: 'GET',
      pattern: '/invoices/draft',
      handle: (context) => {
        const drafts = state.drafts();
        return hydraCollection(context, { iri: '/invoices/draft', context: '/contexts/Invoice', total: drafts.length, itemAt: (p) => drafts[p] ?? null });
      },
    },
    { method: 'GET', pattern: '/invoices/:id', handle: (context) => itemOr404(state.invoiceById(numericId(context)), context) },
    { method: 'GET', pattern: '/invoices/:id/send', handle: (context) => itemOr404(state.invoiceById(numericId(context)), context) },
    ...numberedResource('/invoice-rows', '/contexts/InvoiceRow', () => state.rowCount(), (p) => state.rowAt(p)),
    ...numberedResource('/invoice-transactions', '/contexts/InvoiceTransaction', () => state.transactionCount(), (p) => state.transactionAt(p)),
    {
      method: 'GET',
      pattern: '/payment-methods',
      handle: (context) =>
        hydraCollection(context, { iri: '/payment-methods', context: '/contexts/PaymentMethod', total: FLOWTLY_PAYMENT_METHODS.length, itemAt: (p) => FLOWTLY_PAYMENT_METHODS[p] ?? null }),
    },
    { method: 'GET', pattern: '/payment-methods/:id', handle: (context) => itemOr404(FLOWTLY_PAYMENT_METHODS.find((method) => method.id === context.params.id), context) },
  ];
}
