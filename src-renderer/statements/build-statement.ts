import { buildJournal, type JournalRequest } from '../accounting/journal-statement';
import { buildPeriodJournal, type PeriodJournalRequest } from '../accounting/period-journal-statement';
import { buildSalesVat, type SalesVatRequest } from '../accounting/sales-vat-statement';
import { buildSie, type SieRequest } from '../accounting/sie-statement';
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
  'period-journal': PeriodJournalRequest;
  journal: JournalRequest;
  sie: SieRequest;
  'sales-vat': SalesVatRequest;
}

/** Everything one statement needs to be built, tagged with which statement it is. */
export type StatementRequest = { [K in StatementKind]: { kind: K } & StatementRequests[K] }[StatementKind];

/** One builder per statement kind: a kind without one is a compile error. */
export const statementBuilders: { [K in StatementKind]: (db: CacheDatabase, request: StatementRequests[K]) => Promise<Statement> } = {
  invoices: buildInvoiceList,
  factoring: buildFactoringStatement,
  collection: buildCollectionStatement,
  'invoice-history': buildInvoiceHistory,
  'period-journal': buildPeriodJournal,
  journal: buildJournal,
  sie: buildSie,
  'sales-vat': buildSalesVat,
};

export function buildStatement<K extends StatementKind>(db: CacheDatabase, request: { kind: K } & StatementRequests[K]): Promise<Statement> {
  return statementBuilders[request.kind](db, request);
}
