import type { Component } from 'vue';
import type { ProviderId } from '../../../src-shared/domain/provider';
import { cacheDatabase } from '../../db/cache-database';
import type { Locale } from '../../i18n/locales';
import { inListOrder, matchingRows } from '../../invoices/compact-invoice-query';
import { viewOf } from '../../invoices/invoice-view';
import { useInvoiceIndexStore } from '../../stores/invoice-index';
import { statementBuilders, type StatementRequests } from '../../statements/build-statement';
import type { ExportContext } from '../../statements/export-context';
import { listedInvoicesStatement } from '../../statements/invoice-list-statement';
import type { Statement, StatementKind } from '../../statements/statement';
import { isValidPeriod, type StatementPeriod } from '../../statements/statement-period';
import InvoiceHistoryOptions from './InvoiceHistoryOptions.vue';
import BookCurrencyOptions from '../../accounting/BookCurrencyOptions.vue';
import { defaultBookCurrency } from '../../accounting/book-currency';
import { useAppInfoStore } from '../../stores/app-info';
import { useBookkeepingStore } from '../../stores/bookkeeping';
import { useSettingsStore } from '../../stores/settings';

/** What the export dialog has gathered when it asks a statement kind for its request. */
export interface ExportChoice<Options> {
  context: ExportContext;
  /** '' = none chosen (or every connection, where the kind offers that). */
  connectionId: string;
  period: StatementPeriod;
  today: string;
  language: Locale;
  connectionLabels: ReadonlyMap<string, string>;
  options: Options;
}

/** What one statement kind brings to the export dialog. */
interface ExportKind<K extends StatementKind, Options> {
  /**
   * The connections it can be about (the providers that send its records); `anyConnection` also
   * offers all of them, under the message key `anyLabel` (default `allConnections`).
   */
  connections?: { providers: readonly ProviderId[]; anyConnection: boolean; anyLabel?: 'allConnections' | 'allFactoring' };
  /** It covers a period, chosen as a month or a range. */
  period?: boolean;
  /** Its file has a format of its own (SIE): the dialog offers no CSV preset. */
  ownFormat?: boolean;
  /** Its own fields, bound with v-model to a value that starts as `initial(context)`. */
  options?: { component: Component; initial(context: ExportContext): Options };
  /** Null while the choice is not complete (no connection, no invoice number, a bad period). */
  request(choice: ExportChoice<Options>): StatementRequests[K] | null;
  build(request: StatementRequests[K]): Promise<Statement>;
}

/** A kind as the dialog holds it: its request and builder joined, so the option type stays inside. */
export interface ExportKindEntry {
  connections?: ExportKind<StatementKind, unknown>['connections'];
  period?: boolean;
  ownFormat?: boolean;
  options?: { component: Component; initial(context: ExportContext): unknown };
  /** How to build the statement for this choice, or null while the choice is not complete. */
  prepare(choice: ExportChoice<unknown>): (() => Promise<Statement>) | null;
}

function exportKind<K extends StatementKind, Options = undefined>(kind: ExportKind<K, Options>): ExportKindEntry {
  return {
    connections: kind.connections,
    period: kind.period,
    ownFormat: kind.ownFormat,
    options: kind.options,
    prepare(choice) {
      // The options are only ever the value `initial` made, as this kind's component changed it.
      const request = kind.request(choice as ExportChoice<Options>);
      return request && (() => kind.build(request));
    },
  };
}

/** Every statement kind the dialog can export: adding one is one entry here, and leaving one out does not compile. */
export const exportKinds: Record<StatementKind, ExportKindEntry> = {
  invoices: exportKind<'invoices'>({
    request: ({ context, today, language, connectionLabels }) => ({
      filter: context.filter ?? {},
      sort: context.sort ?? { column: 'number', direction: 'asc' },
      today,
      language,
      connectionLabels,
    }),
    // The Invoices screen already holds every invoice row in memory: reading 100,000 again would cost seconds.
    build: async (request) => {
      const index = useInvoiceIndexStore();
      await index.load();
      const view = viewOf(request.filter);
      const columns = index.compact(view);
      const positions = inListOrder(index.order(request.sort, view), matchingRows(columns, request.filter, request.today));
      return listedInvoicesStatement(Array.from(positions, (position) => columns.rows[position]!), request, index.entryOf);
    },
  }),
  factoring: exportKind<'factoring'>({
    connections: { providers: ['vettig', 'aptic'], anyConnection: true, anyLabel: 'allFactoring' },
    period: true,
    request: ({ connectionId, period, language, connectionLabels }) =>
      isValidPeriod(period) ? { ...(connectionId ? { connectionId } : {}), ...period, language, connectionLabels } : null,
    build: (request) => statementBuilders.factoring(cacheDatabase(), request),
  }),
  collection: exportKind<'collection'>({
    connections: { providers: ['confirma'], anyConnection: true },
    request: ({ connectionId, today, language }) => ({ ...(connectionId ? { connectionId } : {}), today, language }),
    build: (request) => statementBuilders.collection(cacheDatabase(), request),
  }),
  'invoice-history': exportKind<'invoice-history', string>({
    options: { component: InvoiceHistoryOptions, initial: (context) => context.invoiceNumber ?? '' },
    request: ({ options, language, connectionLabels }) => (options.trim() ? { invoiceNumber: options.trim(), language, connectionLabels } : null),
    build: (request) => statementBuilders['invoice-history'](cacheDatabase(), request),
  }),
  'period-journal': exportKind<'period-journal'>({
    period: true,
    request: ({ period, language, connectionLabels }) => (isValidPeriod(period) ? { ...period, language, connectionLabels } : null),
    build: (request) => statementBuilders['period-journal'](cacheDatabase(), request),
  }),
  journal: exportKind<'journal', string>({
    period: true,
    options: { component: BookCurrencyOptions, initial: () => defaultBookCurrency(useSettingsStore().locale) },
    request: ({ period, language, options }) =>
      isValidPeriod(period) ? { ...period, language, currency: options, accounts: useBookkeepingStore().accounts } : null,
    build: (request) => statementBuilders.journal(cacheDatabase(), request),
  }),
  sie: exportKind<'sie'>({
    period: true,
    ownFormat: true,
    request: ({ period, language, today }) => {
      if (!isValidPeriod(period)) return null;
      const { accounts, company } = useBookkeepingStore();
      const info = useAppInfoStore().info;
      return { ...period, language, accounts, company, generated: today, program: { name: info?.name ?? 'Reskontra', version: info?.version ?? '' } };
    },
    build: (request) => statementBuilders.sie(cacheDatabase(), request),
  }),
  'sales-vat': exportKind<'sales-vat'>({
    period: true,
    request: ({ period, language }) => (isValidPeriod(period) ? { ...period, language } : null),
    build: (request) => statementBuilders['sales-vat'](cacheDatabase(), request),
  }),
};
