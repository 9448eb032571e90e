import { providerNames } from '../../src-shared/domain/provider';
import type { FinancingNow, InvoiceNow, PurchaseTerms } from '../../src-shared/rpc/actions-methods';
import type { useFormat } from '../format/use-format';
import { purchasableNow } from './action-rules';
import type { OutboxAction } from './outbox-action';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Format = ReturnType<typeof useFormat>;

/** What a money action's confirm step says after its fresh read, and whether it may be sent. */
export interface Approval {
  title: string;
  body: string;
  confirm: string;
  /** False when the fresh read says the provider will not do it: the dialog can only be closed. */
  allowed: boolean;
}

/** The fresh read a money action is confirmed on (Aptic's purchase terms too, for a purchase). */
export type ApprovalRead = { invoice: InvoiceNow; terms?: PurchaseTerms } | { financing: FinancingNow };

export function approvalText(t: Translate, format: Format, action: OutboxAction, read: ApprovalRead): Approval | null {
  if (action.kind === 'payment' && 'invoice' in read) {
    const fresh = read.invoice;
    const money = (minor: number) => format.amount(minor, action.input.currency);
    const body = t('outbox.approve.body', {
      provider: providerNames.aptic,
      amount: money(action.input.amount),
      date: format.date(action.input.paymentDate),
      number: action.label,
      remaining: money(fresh.remaining),
      after: money(fresh.remaining - action.input.amount),
    });
    const changed = fresh.remaining === action.seen.remaining ? '' : `${t('outbox.approve.changedBody', { seen: money(action.seen.remaining), now: money(fresh.remaining) })} `;
    return { title: t('outbox.approve.title', { provider: providerNames.aptic }), body: changed + body, confirm: t('outbox.approve.send'), allowed: true };
  }
  if (action.kind === 'purchase' && 'invoice' in read) return purchaseApproval(t, format, action, read.invoice, read.terms);
  if (action.kind === 'finance' && 'financing' in read) return financeApproval(t, format, action, read.financing);
  return null;
}

function purchaseApproval(t: Translate, format: Format, action: OutboxAction & { kind: 'purchase' }, invoice: InvoiceNow, terms: PurchaseTerms | undefined): Approval {
  const provider = providerNames.aptic;
  const title = t('outbox.finance.approveTitle', { provider });
  const money = (minor: number) => format.amount(minor, invoice.currency);
  if (invoice.financing === 'factored' || invoice.financing === 'factored-with-recourse') {
    return { title, body: t('outbox.finance.alreadyFinanced', { provider, number: action.label }), confirm: t('outbox.finance.send'), allowed: false };
  }
  const eligibility =
    invoice.purchasable === 0 || !invoice.open
      ? 'no'
      : invoice.purchasable === 2
        ? action.input.recourseDays === null
          ? 'recourseOnlyMissing'
          : 'recourseOnly'
        : invoice.purchasable === 1
          ? 'yes'
          : 'unknown';
  const allowed = invoice.open && purchasableNow(action.input.recourseDays, invoice.purchasable);
  const parts = [t(`outbox.finance.eligibility.${eligibility}`, { provider, number: action.label, remaining: money(invoice.remaining) })];
  if (allowed) {
    const fee =
      terms?.feeAmount != null
        ? t('outbox.finance.feeQuoted', { provider, fee: money(terms.feeAmount) })
        : terms?.feePercentage != null
          ? t('outbox.finance.feePercentQuoted', { provider, percent: format.percent(terms.feePercentage / 100) })
          : t('outbox.finance.feeUnknownAptic', { provider });
    parts.push(fee);
    parts.push(action.input.recourseDays === null ? t('outbox.finance.withoutRecourse', { provider }) : t('outbox.finance.withRecourse', { provider, days: action.input.recourseDays }));
  }
  return { title, body: parts.join(' '), confirm: t('outbox.finance.send'), allowed };
}

function financeApproval(t: Translate, format: Format, action: OutboxAction & { kind: 'finance' }, financing: FinancingNow): Approval {
  const provider = providerNames.vettig;
  const total = action.input.lines.reduce((sum, line) => sum + line.net + line.vat, 0);
  const money = (minor: number) => format.amount(minor, action.input.currency);
  const title = t('outbox.finance.approveTitle', { provider });
  if (financing.financed) return { title, body: t('outbox.finance.alreadyFinanced', { provider, number: action.label }), confirm: t('outbox.finance.send'), allowed: false };
  const parts = [t('outbox.finance.vettigBody', { provider, number: action.label, amount: money(total), customer: action.input.debtor.name })];
  parts.push(t('outbox.finance.vettigNoQuote', { provider }));
  const { history } = financing;
  if (history.financed > 0) {
    parts.push(t('outbox.finance.vettigHistory', { count: history.invoices, financed: money(history.financed), charges: money(history.charges), percent: format.percent(history.charges / history.financed) }));
  }
  return { title, body: parts.join(' '), confirm: t('outbox.finance.send'), allowed: true };
}
