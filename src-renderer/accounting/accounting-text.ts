import type { JournalEntry } from '../../src-shared/accounting/period-journal';
import type { Locale } from '../i18n/locales';
import accountingMessages, { type AccountingMessages } from '../i18n/messages/accounting';
import commonMessages from '../i18n/messages/common';
import { formatMinorUnits } from '../../src-shared/money/money';
import type { BookingProblemCode, ReconciliationProblem } from '../statements/statement';

const noticeKeys: Record<BookingProblemCode, keyof AccountingMessages['notices']> = {
  'other-currency': 'otherCurrency',
  'factor-owns-invoice': 'factorOwnsInvoice',
  'pending-at-agency': 'pendingAtAgency',
  'vat-unknown': 'vatUnknown',
  'unknown-type': 'unknownType',
};

/** The bookkeeping exports' words in one language, read from the message file without vue-i18n. */
export class AccountingText {
  readonly messages: AccountingMessages;

  constructor(readonly locale: Locale) {
    this.messages = accountingMessages[locale];
  }

  fill(template: string, values: Readonly<Record<string, string>>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  }

  eventType(entry: Pick<JournalEntry, 'type'>): string {
    return (commonMessages[this.locale].event.types as Readonly<Record<string, string>>)[entry.type] ?? entry.type;
  }

  /** `Avgift 10425 Kund AB`: what happened, to which invoice, for whom. */
  voucherText(entry: JournalEntry): string {
    return [this.eventType(entry), entry.invoiceNumber, entry.customer].filter((part) => part !== null && part !== '').join(' ');
  }

  /** A movement the file leaves out or books without VAT: a notice the dialog lists before saving. */
  notice(code: BookingProblemCode, entry: JournalEntry, currency: string): ReconciliationProblem {
    const amount = `${formatMinorUnits(entry.amount, entry.currency, this.locale === 'en' ? '.' : ',')} ${entry.currency}`;
    const values = { date: entry.date, event: this.eventType(entry), invoiceNumber: entry.invoiceNumber ?? '', amount, currency };
    // A sale whose VAT the sync has not fetched yet is booked as unknown too, but says so.
    const key = code === 'vat-unknown' && entry.vatPending ? 'vatPending' : noticeKeys[code];
    return { code, severity: 'notice', subject: entry.id, message: this.fill(this.messages.notices[key], values) };
  }
}
