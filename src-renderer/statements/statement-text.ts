import { csvTextRow, type CsvRow } from '../../src-shared/csv/csv-cell';
import type { FinancingState, InvoiceStatus, LedgerEventType } from '../../src-shared/domain/records';
import { formatMinorUnits } from '../../src-shared/money/money';
import type { Locale } from '../i18n/locales';
import commonMessages from '../i18n/messages/common';
import statementMessages, { type StatementMessages } from '../i18n/messages/statements';
import type { ProblemCode, ReconciliationProblem } from './statement';

/**
 * The statement's words in one language, read straight from the feature's message file, so the
 * builders need neither Vue nor vue-i18n and tests can build a Swedish statement in Node.
 */
export class StatementText {
  readonly messages: StatementMessages;

  constructor(readonly locale: Locale) {
    this.messages = statementMessages[locale];
  }

  /** `{name}` placeholders filled in, the one piece of vue-i18n syntax the statement texts use. */
  fill(template: string, values: Readonly<Record<string, string | number>>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  }

  /** An amount in a sentence: exact decimal text with the currency code (`971.50 SEK`, `971,50 SEK`). */
  amount(minor: number, currency: string): string {
    return `${formatMinorUnits(minor, currency, this.locale === 'en' ? '.' : ',')} ${currency}`;
  }

  problem(code: ProblemCode, subject: string, values: Readonly<Record<string, string | number>>): ReconciliationProblem {
    const severity = code === 'mixed-currencies' ? 'notice' : 'mismatch';
    return { code, severity, subject, message: this.fill(this.messages.problems[problemKeys[code]], values) };
  }

  // The words the screens show (from `common`), so a file says what the user saw.
  status(status: InvoiceStatus): string {
    return commonMessages[this.locale].invoice.statuses[status] ?? status;
  }

  /** `providerValue`: the provider's own word when the state is `unknown` ("Unknown (X)"). */
  financing(state: FinancingState, providerValue?: string): string {
    const messages = commonMessages[this.locale].invoice;
    return state === 'unknown' && providerValue ? this.fill(messages.unknownFinancing, { value: providerValue }) : messages.financing[state];
  }

  eventType(type: LedgerEventType, providerValue?: string): string {
    const messages = commonMessages[this.locale].event;
    return type === 'unknown' && providerValue ? this.fill(messages.unknownType, { value: providerValue }) : messages.types[type];
  }

  /** The summary file's header: which figure, its currency, its amount. */
  summaryHeader(): CsvRow {
    const { columns } = this.messages;
    return csvTextRow([columns.figure, columns.currency, columns.amount]);
  }

  mixedCurrencies(currencies: readonly string[]): ReconciliationProblem[] {
    if (currencies.length < 2) return [];
    return [this.problem('mixed-currencies', currencies.join(' '), { currencies: currencies.join(', ') })];
  }
}

const problemKeys: Record<ProblemCode, keyof StatementMessages['problems']> = {
  'mixed-currencies': 'mixedCurrencies',
  'charge-split': 'chargeSplit',
  'charge-without-split': 'chargeWithoutSplit',
  'case-part': 'casePart',
  'case-outstanding': 'caseOutstanding',
  'payment-currency': 'paymentCurrency',
  'allocation-breakdown': 'allocationBreakdown',
  'allocation-without-case': 'allocationWithoutCase',
  'providers-disagree': 'providersDisagree',
  'invoice-not-found': 'invoiceNotFound',
};

