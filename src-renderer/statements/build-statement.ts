import type { CacheDatabase } from '../db/cache-database';
import { buildCollectionStatement, type CollectionRequest } from './collection-statement';
import { buildFactoringStatement, type FactoringRequest } from './factoring-statement';
import { buildInvoiceHistory, type InvoiceHistoryRequest } from './invoice-history-statement';
import { buildInvoiceList, type InvoiceListRequest } from './invoice-list-statement';
import type { Statement } from './statement';

/** Everything one statement needs to be built, tagged with which statement it is. */
export type StatementRequest =
  | ({ kind: 'invoices' } & InvoiceListRequest)
  | ({ kind: 'factoring' } & FactoringRequest)
  | ({ kind: 'collection' } & CollectionRequest)
  | ({ kind: 'invoice-history' } & InvoiceHistoryRequest);

export function buildStatement(db: CacheDatabase, request: StatementRequest): Promise<Statement> {
  switch (request.kind) {
    case 'invoices':
      return buildInvoiceList(db, request);
    case 'factoring':
      return buildFactoringStatement(db, request);
    case 'collection':
      return buildCollectionStatement(db, request);
    case 'invoice-history':
      return buildInvoiceHistory(db, request);
  }
}
