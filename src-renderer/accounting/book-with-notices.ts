import type { AccountMap } from '../../src-shared/accounting/account-map';
import { bookPeriod, type BookedPeriod } from '../../src-shared/accounting/vouchers';
import type { JournalEntry } from '../../src-shared/accounting/period-journal';
import { addMinor } from '../../src-shared/money/exact-sum';
import type { ReconciliationProblem, StatementTotal } from '../statements/statement';
import type { AccountingText } from './accounting-text';

/** The period booked in one currency, with a notice for every movement left out, not booked or booked without VAT. */
export function bookWithNotices(entries: readonly JournalEntry[], accounts: AccountMap, currency: string, text: AccountingText): {
  booked: BookedPeriod;
  problems: ReconciliationProblem[];
  totals: StatementTotal[];
} {
  const booked = bookPeriod(entries, accounts, currency);
  const problems = [
    ...booked.otherCurrency.map((entry) => text.notice('other-currency', entry, currency)),
    ...booked.notBooked.flatMap(({ entry, reason }) => (reason === 'zero' ? [] : [text.notice(reason, entry, currency)])),
    ...booked.vatUnknown.map((entry) => text.notice('vat-unknown', entry, currency)),
  ];
  let debit = 0;
  let credit = 0;
  for (const line of booked.vouchers.flatMap((voucher) => voucher.lines)) {
    if (line.amount > 0) debit = addMinor(debit, line.amount);
    else credit = addMinor(credit, -line.amount);
  }
  const totals = booked.vouchers.length === 0 ? [] : [
    { label: text.messages.totals.debit, currency, minor: debit },
    { label: text.messages.totals.credit, currency, minor: credit },
  ];
  return { booked, problems, totals };
}
