import { basAccountMap, basAccountNames, accountRoles, type AccountMap, type Company } from '../../src-shared/accounting/account-map';
import type { JournalEntry } from '../../src-shared/accounting/period-journal';
import { writeSie } from '../../src-shared/accounting/sie/write-sie';
import { monthOf } from '../../src-shared/dates/iso-date';
import type { CacheDatabase } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import type { Statement } from '../statements/statement';
import type { StatementPeriod } from '../statements/statement-period';
import { AccountingText } from './accounting-text';
import { bookWithNotices } from './book-with-notices';
import { loadPeriodJournal } from './load-period-journal';
import { StatementText } from '../statements/statement-text';

export interface SieRequest extends StatementPeriod {
  /** The dialog's language: the notices. The file itself is Swedish, as SIE is. */
  language: Locale;
  accounts: AccountMap;
  company: Company;
  program: { name: string; version: string };
  /** Today, YYYY-MM-DD: `#GEN`. */
  generated: string;
}

export async function buildSie(db: CacheDatabase, request: SieRequest): Promise<Statement> {
  return sieStatement(await loadPeriodJournal(db, request), request);
}

/** `Åkesson & Co AB`, January 2025 → `Akesson_Co_AB_202501_SIE4I.se`, the way accounting software names them. */
export function sieFileName(company: Company, period: StatementPeriod): string {
  const name = company.name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  const month = monthOf(period.from, period.to);
  const when = month ? month.replace('-', '') : `${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return `${name || 'Reskontra'}_${when}_SIE4I.se`;
}

/** The name `#KONTO` gives an account: its BAS name, or for a number of your own the BAS name of its role. */
function accountName(accounts: AccountMap): (account: string) => string {
  return (account) => {
    const role = accountRoles.find((candidate) => accounts[candidate] === account);
    return basAccountNames[account] ?? (role ? basAccountNames[basAccountMap[role]] : undefined) ?? account;
  };
}

/** The period's SEK vouchers as an SIE 4I file (vouchers only, for import into the books). */
export function sieStatement(entries: readonly JournalEntry[], request: SieRequest): Statement {
  const text = new AccountingText(request.language);
  const swedish = new AccountingText('sv');
  const { booked, problems, totals } = bookWithNotices(entries, request.accounts, 'SEK', text);
  const bytes = writeSie({
    company: request.company,
    program: request.program,
    generated: request.generated,
    accountName: accountName(request.accounts),
    voucherText: (voucher) => swedish.voucherText(voucher.entry),
    vouchers: booked.vouchers,
  });
  const name = sieFileName(request.company, request);
  return {
    kind: 'sie',
    fileNameParts: [name],
    header: [],
    rowCount: booked.vouchers.length,
    body: () => [],
    summaryHeader: new StatementText(request.language).summaryHeader(),
    totals,
    problems,
    file: { name, bytes },
  };
}
