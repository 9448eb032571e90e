import { linesDisagreeing, salesVatByRate, type SalesInvoice, type SalesVatByRate } from '../../src-shared/accounting/sales-vat-by-rate';
import { csvCell, csvTextRow } from '../../src-shared/csv/csv-cell';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import type { CacheDatabase } from '../db/cache-database';
import { cachedInvoices } from '../db/invoice-chunks';
import type { Locale } from '../i18n/locales';
import type { ReconciliationProblem, Statement, StatementTotal } from '../statements/statement';
import { periodNameParts, type StatementPeriod } from '../statements/statement-period';
import { StatementText } from '../statements/statement-text';
import { AccountingText } from './accounting-text';

export interface SalesVatRequest extends StatementPeriod {
  language: Locale;
}

/**
 * The invoices issued in the period, every connection's. No index holds issue dates, so the cache
 * is read once in full (an export, not a keystroke); salesVatByRate keeps the period's.
 */
export async function buildSalesVat(db: CacheDatabase, request: SalesVatRequest): Promise<Statement> {
  const records: SalesInvoice[] = await cachedInvoices(db);
  return salesVatStatement(salesVatByRate(records, request), request);
}

/**
 * Sales and VAT by rate: one row per currency and rate (basis points written as a percentage with
 * two decimals, so a spreadsheet reads a number), signed from the business's side (credit notes
 * negative). Invoices whose VAT is unknown share one row with their gross only, so the gross column
 * adds up to every invoice covered. A pure table; the sums are in the dialog and the summary file.
 */
export function salesVatStatement(result: SalesVatByRate, request: SalesVatRequest): Statement {
  const text = new AccountingText(request.language);
  const words = text.messages.salesVat;
  const names = words.columns;
  const sums = new CurrencySums<'net' | 'vat' | 'gross'>();
  for (const row of result.rows) {
    if (row.net !== null) sums.add(row.currency, 'net', row.net);
    if (row.vat !== null) sums.add(row.currency, 'vat', row.vat);
    sums.add(row.currency, 'gross', row.gross);
  }
  const totals: StatementTotal[] = sums.currencies().flatMap((currency) =>
    (['net', 'vat', 'gross'] as const).filter((key) => sums.has(currency, key)).map((key) => ({ label: words.totals[key], currency, minor: sums.get(currency, key) })),
  );
  const statementText = new StatementText(request.language);
  const money = (minor: number, currency: string) => statementText.amount(minor, currency);
  const problems: ReconciliationProblem[] = [
    ...result.invoices
      .filter((invoice) => invoice.lines === null)
      .map((invoice) => ({
        code: 'vat-unknown' as const,
        severity: 'notice' as const,
        subject: invoice.recordId,
        message: text.fill(invoice.vatPending ? words.notices.vatPending : words.notices.vatUnknown, { invoiceNumber: invoice.number, amount: money(invoice.total, invoice.currency) }),
      })),
    ...linesDisagreeing(result).map((invoice) => ({
      code: 'vat-lines-disagree' as const,
      severity: 'mismatch' as const,
      subject: invoice.recordId,
      message: text.fill(words.notices.linesDisagree, {
        invoiceNumber: invoice.number,
        lines: money((invoice.lines ?? []).reduce((sum, line) => sum + line.net + line.vat, 0), invoice.currency),
        amount: money(invoice.total, invoice.currency),
      }),
    })),
  ];
  return {
    kind: 'sales-vat',
    fileNameParts: ['sales-vat', ...periodNameParts(request)],
    header: csvTextRow([names.currency, names.rate, names.net, names.vat, names.gross, names.invoices]),
    rowCount: result.rows.length,
    *body() {
      for (const row of result.rows) {
        yield [
          csvCell.text(row.currency),
          row.rate === null ? csvCell.text(words.unknownRate) : csvCell.amount(row.rate, 'EUR'),
          csvCell.amount(row.net, row.currency),
          csvCell.amount(row.vat, row.currency),
          csvCell.amount(row.gross, row.currency),
          csvCell.integer(row.invoices),
        ];
      }
    },
    totals,
    summaryHeader: statementText.summaryHeader(),
    problems,
  };
}
