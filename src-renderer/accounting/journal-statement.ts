import type { AccountMap } from '../../src-shared/accounting/account-map';
import type { JournalEntry } from '../../src-shared/accounting/period-journal';
import { voucherSeries } from '../../src-shared/accounting/vouchers';
import { csvCell, csvTextRow, type CsvRow } from '../../src-shared/csv/csv-cell';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import type { Statement } from '../statements/statement';
import { periodNameParts, type StatementPeriod } from '../statements/statement-period';
import { AccountingText } from './accounting-text';
import { bookWithNotices } from './book-with-notices';
import { loadPeriodJournal } from './load-period-journal';
import { StatementText } from '../statements/statement-text';

export interface JournalRequest extends StatementPeriod {
  language: Locale;
  /** The book currency: movements in others are left out and listed. */
  currency: string;
  accounts: AccountMap;
}

export async function buildJournal(db: CacheDatabase, request: JournalRequest): Promise<Statement> {
  return journalStatement(await loadPeriodJournal(db, request), request);
}

/**
 * The period's vouchers as a CSV journal, one row per voucher line, for bookkeeping software
 * that imports journals (Dutch, Finnish): the same vouchers, accounts and amounts as the SIE file.
 */
export function journalStatement(entries: readonly JournalEntry[], request: JournalRequest): Statement {
  const text = new AccountingText(request.language);
  const names = text.messages.columns;
  const { booked, problems, totals } = bookWithNotices(entries, request.accounts, request.currency, text);
  const { currency } = request;
  return {
    kind: 'journal',
    fileNameParts: ['journal', currency, ...periodNameParts(request)],
    header: csvTextRow([names.date, names.voucher, names.account, names.debit, names.credit, names.vatCode, names.text, names.invoiceNumber, names.customer]),
    rowCount: booked.vouchers.reduce((count, voucher) => count + voucher.lines.length, 0),
    *body(): Generator<CsvRow> {
      for (const voucher of booked.vouchers) {
        for (const line of voucher.lines) {
          yield [
            csvCell.date(voucher.date),
            csvCell.text(`${voucherSeries}${voucher.number}`),
            csvCell.text(line.account),
            csvCell.amount(line.amount > 0 ? line.amount : null, currency),
            csvCell.amount(line.amount < 0 ? -line.amount : null, currency),
            csvCell.text(line.vatCode),
            csvCell.text(text.voucherText(voucher.entry)),
            csvCell.text(voucher.entry.invoiceNumber),
            csvCell.text(voucher.entry.customer),
          ];
        }
      }
    },
    summaryHeader: new StatementText(request.language).summaryHeader(),
    totals,
    problems,
  };
}
