import { eventSigns } from '../../src-shared/accounting/event-signs';
import type { JournalEntry } from '../../src-shared/accounting/period-journal';
import type { LedgerEventType } from '../../src-shared/domain/records';
import { csvCell, csvTextRow } from '../../src-shared/csv/csv-cell';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import type { Statement, StatementTotal } from '../statements/statement';
import { periodNameParts, type StatementPeriod } from '../statements/statement-period';
import { StatementText } from '../statements/statement-text';
import { AccountingText } from './accounting-text';
import { loadPeriodJournal } from './load-period-journal';

export interface PeriodJournalRequest extends StatementPeriod {
  language: Locale;
  connectionLabels: ReadonlyMap<string, string>;
}

/** The order the dialog lists the sums in. */
const ledgerEventTypes = Object.keys(eventSigns) as LedgerEventType[];

export async function buildPeriodJournal(db: CacheDatabase, request: PeriodJournalRequest): Promise<Statement> {
  return periodJournalStatement(await loadPeriodJournal(db, request), request);
}

/**
 * Every money movement of the period across all connections, one row each, signed from the
 * business's point of view; a pure table (header and data rows), its sums per type in the dialog.
 */
export function periodJournalStatement(entries: readonly JournalEntry[], request: PeriodJournalRequest): Statement {
  const text = new AccountingText(request.language);
  const names = text.messages.columns;
  const sums = new CurrencySums<LedgerEventType>();
  for (const entry of entries) sums.add(entry.currency, entry.type, entry.signed);
  const totals: StatementTotal[] = sums.currencies().flatMap((currency) =>
    ledgerEventTypes
      .filter((type) => sums.has(currency, type))
      .map((type) => ({ label: text.fill(text.messages.totals.type, { type: text.eventType({ type }) }), currency, minor: sums.get(currency, type) })),
  );
  const signed = (entry: JournalEntry, minor: number | null) => (minor === null ? null : eventSigns[entry.type] * minor);
  return {
    kind: 'period-journal',
    fileNameParts: ['period-journal', ...periodNameParts(request)],
    header: csvTextRow([
      names.date, names.connection, names.event, names.invoiceNumber, names.customer, names.description,
      names.amount, names.net, names.vat, names.currency,
    ]),
    rowCount: entries.length,
    *body() {
      for (const entry of entries) {
        yield [
          csvCell.date(entry.date),
          csvCell.text(request.connectionLabels.get(entry.connectionId) ?? entry.connectionId),
          csvCell.text(text.eventType(entry)),
          csvCell.text(entry.invoiceNumber),
          csvCell.text(entry.customer),
          csvCell.text(entry.description),
          csvCell.amount(entry.signed, entry.currency),
          csvCell.amount(signed(entry, entry.net), entry.currency),
          csvCell.amount(signed(entry, entry.vat), entry.currency),
          csvCell.text(entry.currency),
        ];
      }
    },
    totals,
    summaryHeader: new StatementText(request.language).summaryHeader(),
    problems: [],
  };
}
