import { signedAmount } from '../../src-shared/accounting/event-signs';
import { csvCell, csvTextRow, type CsvRow } from '../../src-shared/csv/csv-cell';
import { providerIds, providerNames, type ProviderId } from '../../src-shared/domain/provider';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import { invoiceTimeline, type TimelineEntry } from '../invoices/invoice-timeline';
import { invoiceHistory, type InvoiceHistory } from '../queries/cache-queries';
import { compareChronological } from '../queries/ledger-events';
import type { ReconciliationProblem, Statement } from './statement';
import { StatementText } from './statement-text';

export interface InvoiceHistoryRequest {
  invoiceNumber: string;
  /** The connections of one organisation; all when absent. */
  connectionIds?: readonly string[];
  language: Locale;
  connectionLabels: ReadonlyMap<string, string>;
}

/**
 * One invoice's life across providers, oldest first: the timeline the invoice detail shows, as
 * rows. Amounts are signed from the business's point of view: the invoice and what the customer
 * owes or pays are positive, a credit note negative (src-shared/accounting/event-signs.ts).
 */
export async function buildInvoiceHistory(db: CacheDatabase, request: InvoiceHistoryRequest): Promise<Statement> {
  return invoiceHistoryStatement(await invoiceHistory(db, request.invoiceNumber, request.connectionIds), request);
}

export function invoiceHistoryStatement(history: InvoiceHistory, request: InvoiceHistoryRequest): Statement {
  const text = new StatementText(request.language);
  const { columns: names } = text.messages;
  const number = request.invoiceNumber;
  // The timeline keeps the given order within a day: make it the same whatever the connection ids.
  const ordered: InvoiceHistory = {
    invoices: [...history.invoices].sort(bySource),
    events: [...history.events].sort(
      (a, b) => bySource(a, b) || compareChronological({ ...a, balance: 0 }, { ...b, balance: 0 }),
    ),
    cases: [...history.cases].sort(bySource),
  };
  const rows: CsvRow[] = invoiceTimeline(ordered, number).map((entry) => {
    const line = describe(entry, number, text);
    return [
      csvCell.date(entry.date),
      csvCell.text(providerNames[line.source.provider]),
      csvCell.text(request.connectionLabels.get(line.source.connectionId) ?? line.source.connectionId),
      csvCell.text(line.what),
      line.amount ? csvCell.amount(line.amount.minor, line.amount.currency) : csvCell.empty(),
      csvCell.text(line.amount?.currency ?? null),
      csvCell.text(line.details),
      csvCell.text(line.source.providerRef),
    ];
  });

  return {
    kind: 'invoice-history',
    fileNameParts: ['invoice', number, 'history'],
    header: csvTextRow([names.date, names.provider, names.connection, names.what, names.signedAmount, names.currency, names.details, names.reference]),
    rowCount: rows.length,
    body: () => rows,
    totals: [],
    summaryHeader: text.summaryHeader(),
    problems: historyProblems(ordered, number, text),
  };
}

interface Line {
  source: { provider: ProviderId; connectionId: string; providerRef: string };
  what: string;
  amount: { minor: number; currency: string } | null;
  details: string | null;
}

function describe(entry: TimelineEntry, invoiceNumber: string, text: StatementText): Line {
  const labels = text.messages.rows;
  switch (entry.kind) {
    case 'issued': {
      const { invoice } = entry;
      const details = text.fill(labels.state, {
        status: text.status(invoice.status),
        financing: text.financing(invoice.financing, invoice.providerFinancing),
        paid: text.amount(invoice.paid, invoice.currency),
        outstanding: text.amount(invoice.outstanding, invoice.currency),
      });
      return { source: invoice, what: labels.issued, amount: { minor: invoice.total, currency: invoice.currency }, details };
    }
    case 'due':
      return { source: entry.invoice, what: labels.due, amount: null, details: null };
    case 'event': {
      const { event } = entry;
      return { source: event, what: text.eventType(event.type, event.providerType), amount: { minor: signedAmount(event.type, event.amount), currency: event.currency }, details: event.description };
    }
    case 'case-opened': {
      const c = entry.collectionCase;
      const line = c.invoices.find((item) => item.invoiceNumber === invoiceNumber);
      return {
        source: c,
        what: text.fill(labels.caseOpened, { caseNumber: c.caseNumber }),
        amount: line ? { minor: line.capitalAmount, currency: c.currency } : null,
        details: [c.agency, c.stage].filter(Boolean).join(', ') || null,
      };
    }
    case 'case-closed':
      return { source: entry.collectionCase, what: text.fill(labels.caseClosed, { caseNumber: entry.collectionCase.caseNumber }), amount: null, details: entry.collectionCase.status };
    case 'case-payment':
      return {
        source: entry.collectionCase,
        what: text.fill(labels.casePayment, { caseNumber: entry.collectionCase.caseNumber }),
        amount: { minor: entry.amount, currency: entry.currency },
        details: entry.description,
      };
    case 'case-entry':
      return {
        source: entry.collectionCase,
        what: text.fill(labels.caseStep, { caseNumber: entry.collectionCase.caseNumber, step: entry.title }),
        amount: null,
        details: entry.text,
      };
  }
}

/** Providers in their usual order, then the provider's own reference: the same file whatever the connection ids. */
function bySource(a: { provider: ProviderId; providerRef: string }, b: { provider: ProviderId; providerRef: string }): number {
  return providerIds.indexOf(a.provider) - providerIds.indexOf(b.provider) || (a.providerRef < b.providerRef ? -1 : a.providerRef > b.providerRef ? 1 : 0);
}

/** Every provider that holds the invoice should agree on what it was for. */
function historyProblems(history: InvoiceHistory, invoiceNumber: string, text: StatementText): ReconciliationProblem[] {
  if (history.invoices.length === 0 && history.events.length === 0 && history.cases.length === 0) {
    return [text.problem('invoice-not-found', invoiceNumber, { invoiceNumber })];
  }
  if (new Set(history.invoices.map((invoice) => `${invoice.total} ${invoice.currency}`)).size < 2) return [];
  const amounts = history.invoices.map((invoice) => `${providerNames[invoice.provider]} ${text.amount(invoice.total, invoice.currency)}`);
  return [text.problem('providers-disagree', invoiceNumber, { invoiceNumber, amounts: amounts.join(', ') })];
}
