/** Aptic's read endpoints: Ping, the invoice list, one invoice, its financial details and transactions. */
import { apticDetail, apticFinancialDetails, apticListItem, apticTransactions, apticTransactionSummary, type ApticInvoiceFacts } from '../data/aptic-view';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Route } from '../http/router';
import type { ApticState } from './aptic-state';
import { readListQuery } from './aptic-list-params';
import { arraySource, runListQuery, type ListQuery } from './list-query';
import { apticListPageBytes } from './aptic-list-page';
import { FilterError } from './odata-filter';
import { INVOICE_LIST_FIELDS, TRANSACTION_FIELDS, type FieldTypes } from './odata-fields';
import { problem } from './problem-details';

/** Finds the invoice a route's :guid names, or answers 404 in problem-details form. */
export function withInvoice(state: ApticState, context: RequestContext, respond: (facts: ApticInvoiceFacts) => Reply | Promise<Reply>): Reply | Promise<Reply> {
  const guid = context.params.guid ?? '';
  const index = state.indexOfGuid(guid);
  if (index === null) return problem(404, 'Not Found', `No invoice with GUID '${guid}'`, context.path);
  return respond(state.factsAt(index));
}

/** Parses the list parameters, or answers 400 naming what was wrong. */
function withListQuery(context: RequestContext, fields: FieldTypes, respond: (query: ListQuery) => Reply): Reply {
  let query: ListQuery;
  try {
    query = readListQuery(context.query, fields);
  } catch (error) {
    if (error instanceof FilterError) return problem(400, 'Bad Request', error.message, context.path);
    throw error;
  }
  return respond(query);
}

export function apticReadRoutes(state: ApticState): Route[] {
  return [
    // The reference: "The service will return code 200 and an empty json object."
    { method: 'GET', pattern: '/v1/Invoices/Ping', handle: () => json(200, {}) },
    {
      method: 'GET',
      pattern: '/v1/Invoices',
      handle: (context) =>
        withListQuery(context, INVOICE_LIST_FIELDS, (query) => {
          const page = runListQuery({ size: state.size(), itemAt: (p) => apticListItem(state.factsAt(p)) }, query);
          return { status: 200, bytes: apticListPageBytes(query.skip, page.total, page.items) };
        }),
    },
    { method: 'GET', pattern: '/v1/Invoices/:guid', handle: (context) => withInvoice(state, context, (facts) => json(200, apticDetail(facts))) },
    { method: 'GET', pattern: '/v1/Invoices/:guid/FinancialDetails', handle: (context) => withInvoice(state, context, (facts) => json(200, apticFinancialDetails(facts))) },
    {
      method: 'GET',
      pattern: '/v1/Invoices/:guid/Transactions',
      handle: (context) =>
        withInvoice(state, context, (facts) =>
          withListQuery(context, TRANSACTION_FIELDS, (query) => {
            const rows = apticTransactions(facts);
            const page = runListQuery(arraySource(rows), query);
            return json(200, { count: page.items.length, skip: query.skip, total: page.total, summary: apticTransactionSummary(facts), values: page.items });
          }),
        ),
    },
  ];
}
