import type { CacheDatabase } from '../db/cache-database';
import { buildCollectionStatement, type CollectionRequest } from './collection-statement';
import { buildFactoringStatement, type FactoringRequest } from './factoring-statement';
import { buildInvoiceHistory, type InvoiceHistoryRequest } from './invoice-history-statement';
import { buildInvoiceList, type InvoiceListRequest } from './invoice-list-statement';
import type { Statement, StatementKind } from './statement';

/** What each statement needs to be built. */
export interface StatementRequests {
  invoices: InvoiceListRequest;
  factoring: FactoringRequest;
  collection: CollectionRequest;
  'invoice-history': InvoiceHistoryRequest;
}

/** Everything one statement needs to be built, tagged with which statement it is. */
export type StatementRequest = { [K in StatementKind]: { kind: K } & StatementRequests[K] }[StatementKind];

/** One builder per statement kind: a kind without one is a compile error. */
export const statementBuilders: { [K in StatementKind]: (db: CacheDatabase, request: StatementRequests[K]) => Promise<Statement> } = {
  invoices: buildInvoiceList,
  factoring: buildFactoringStatement,
  collection: buildCollectionStatement,
  'invoice-history': buildInvoiceHistory,
};

export function buildStatement<K extends StatementKind>(db: CacheDatabase, request: { kind: K } & StatementRequests[K]): Promise<Statement> {
  return statementBuilders[request.kind](db, request);
}
