import { csvCell, csvTextRow, type CsvRow } from '../../src-shared/csv/csv-cell';
import { providerIds, providerNames, type ProviderId } from '../../src-shared/domain/provider';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import { invoiceHistory, type InvoiceHistory } from '../queries/cache-queries';
import { compareChronological } from '../queries/ledger-events';
import { isoDay } from './collection-statement';
import type { ReconciliationProblem, Statement } from './statement';
import { StatementText } from './statement-text';

export interface InvoiceHistoryRequest {
  invoiceNumber: string;
  /** The connections of one organisation; all when absent. */
  connectionIds?: readonly string[];
  language: Locale;
  connectionLabels: ReadonlyMap<string, string>;
}

interface Entry {
  date: string | null;
  provider: ProviderId;
  connectionId: string;
  what: string;
  amount: { minor: number; currency: string } | null;
  details: string | null;
  reference: string;
}

/** One invoice's life across providers, oldest first: issued, financed, paid, sent to collection… */
export async function buildInvoiceHistory(db: CacheDatabase, request: InvoiceHistoryRequest): Promise<Statement> {
  return invoiceHistoryStatement(await invoiceHistory(db, request.invoiceNumber, request.connectionIds), request);
}

export function invoiceHistoryStatement(history: InvoiceHistory, request: InvoiceHistoryRequest): Statement {
  const text = new StatementText(request.language);
  const { columns: names, rows: labels } = text.messages;
  const number = request.invoiceNumber;
  const entries: Entry[] = [];

  for (const invoice of [...history.invoices].sort(bySource)) {
    const source = { provider: invoice.provider, connectionId: invoice.connectionId, reference: invoice.providerRef };
    const state = text.fill(labels.state, {
      status: text.status(invoice.status),
      financing: text.financing(invoice.financing),
      paid: text.amount(invoice.paid, invoice.currency),
      outstanding: text.amount(invoice.outstanding, invoice.currency),
    });
    entries.push({ ...source, date: invoice.issueDate, what: labels.issued, amount: { minor: invoice.total, currency: invoice.currency }, details: state });
    entries.push({ ...source, date: invoice.dueDate, what: labels.due, amount: null, details: null });
  }
  // By day, then provider, then in the Events screen's order (financed, its charges, the payout…).
  const events = history.events.map((item) => ({ ...item, balance: 0 }));
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || providerIds.indexOf(a.provider) - providerIds.indexOf(b.provider) || compareChronological(a, b));
  for (const event of events) {
    entries.push({
      provider: event.provider,
      connectionId: event.connectionId,
      reference: event.providerRef,
      date: event.date,
      what: text.eventType(event.type),
      amount: { minor: event.amount, currency: event.currency },
      details: event.description,
    });
  }
  for (const c of [...history.cases].sort(bySource)) {
    const source = { provider: c.provider, connectionId: c.connectionId, reference: c.providerRef };
    const line = c.invoices.find((item) => item.invoiceNumber === number);
    const caseNumber = c.caseNumber;
    entries.push({
      ...source,
      date: isoDay(c.openedAt),
      what: text.fill(labels.caseOpened, { caseNumber }),
      amount: line ? { minor: line.capitalAmount, currency: c.currency } : null,
      details: [c.agency, c.stage].filter(Boolean).join(', ') || null,
    });
    for (const step of line?.timeline ?? []) {
      entries.push({ ...source, date: isoDay(step.occurredAt), what: text.fill(labels.caseStep, { caseNumber, step: step.type }), amount: null, details: null });
    }
    if (c.closedAt) entries.push({ ...source, date: isoDay(c.closedAt), what: text.fill(labels.caseClosed, { caseNumber }), amount: null, details: c.status });
  }
  // Stable: on one day, invoices come before their events and cases, as they were added above.
  entries.sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1));

  const rows: CsvRow[] = entries.map((entry) => [
    csvCell.date(entry.date),
    csvCell.text(providerNames[entry.provider]),
    csvCell.text(request.connectionLabels.get(entry.connectionId) ?? entry.connectionId),
    csvCell.text(entry.what),
    entry.amount ? csvCell.amount(entry.amount.minor, entry.amount.currency) : csvCell.empty(),
    csvCell.text(entry.amount?.currency ?? null),
    csvCell.text(entry.details),
    csvCell.text(entry.reference),
  ]);

  return {
    kind: 'invoice-history',
    fileNameParts: ['invoice', number, 'history'],
    header: csvTextRow([names.date, names.provider, names.connection, names.what, names.amount, names.currency, names.details, names.reference]),
    rowCount: rows.length,
    body: () => rows,
    leadRows: [],
    totalRows: [],
    totals: [],
    problems: historyProblems(history, number, text),
  };
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
  const amounts = [...history.invoices].sort(bySource).map((invoice) => `${providerNames[invoice.provider]} ${text.amount(invoice.total, invoice.currency)}`);
  if (new Set(history.invoices.map((invoice) => `${invoice.total} ${invoice.currency}`)).size < 2) return [];
  return [text.problem('providers-disagree', invoiceNumber, { invoiceNumber, amounts: amounts.join(', ') })];
}
