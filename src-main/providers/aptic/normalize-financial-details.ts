import type { LedgerEvent, LedgerEventType, RawFields } from '../../../src-shared/domain/records';
import { recordId } from '../../../src-shared/domain/records';
import { parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { isoDayOf } from '../../../src-shared/dates/iso-date';
import { rawFields } from '../raw-fields';
import type { ApticCreditorFee, ApticDetailsItem, ApticFinancialDetails, ApticPurchaseInformation } from './schema';

/** financeStatus 2, 3 and 4: purchased without recourse, with recourse, recoursed. */
const purchasedStatuses = new Set([2, 3, 4]);

/**
 * The VAT inside a fee Aptic states only gross. Skatteverket holds that buying invoices, with or
 * without recourse, is a taxable debt-collection service whose price is what the buyer keeps
 * (ställningstagande 2016-05-20, dnr 131 228447-16/111): 25 % VAT, so a gross fee holds 20 %.
 * A VAT amount Aptic does state wins. See src-main/providers/README.md, Aptic.
 */
export function splitGrossFee(gross: number, statedVat: number | null): { net: number; vat: number } {
  if (statedVat !== null) return { net: gross - statedVat, vat: statedVat };
  const net = Math.round((gross * 4) / 5);
  return { net, vat: gross - net };
}

/** What the invoice's own transactions already booked, so the financial details never book it twice. */
export interface BookedByTransactions {
  /** Interest booked, in the invoice's currency. */
  interest: number;
  /** Each fee booked, in the invoice's currency. */
  fees: readonly number[];
}

/**
 * An invoice's financial details as ledger events, booked the way Vettig's are:
 *   financed          the purchased amount, on the purchase date
 *   charge            the purchase fee (net and VAT, see `splitGrossFee`), on the purchase date
 *   payout            what Aptic paid: payoutAmount, or the purchased amount less the fee
 *   recourse          the amount handed back (recourseAmount, or the purchased amount)
 *   charge            the recourse fee, on the recourse date
 *   recourse-payment  what the business paid back (recoursePaymentAmount, or recourse + fee)
 *   interest, fee     interest and creditor fees the transactions have not booked yet
 * Every part may be missing; a purchase without a date cannot be placed in time and is left out.
 */
export function normalizeApticFinancialDetails(
  connectionId: string,
  invoice: ApticDetailsItem,
  details: ApticFinancialDetails,
  booked: BookedByTransactions,
): LedgerEvent[] {
  const record = `Aptic financial details of invoice ${invoice.invoiceNumber}`;
  const book = bookingFor(connectionId, invoice, record);
  return [
    ...purchaseEvents(book, invoice, details.purchaseInformation ?? null),
    ...interestEvents(book, invoice, details, booked.interest),
    ...creditorFeeEvents(book, invoice, details.creditorFeeInformation ?? [], booked.fees),
  ];
}

interface Booking {
  minor(value: unknown, currency: string, field: string): number | null;
  event(part: string, type: LedgerEventType, date: string, currency: string, amount: number, raw: RawFields, extra?: Partial<LedgerEvent>): LedgerEvent;
}

function bookingFor(connectionId: string, invoice: ApticDetailsItem, record: string): Booking {
  return {
    minor: (value, currency, field) => (value === null || value === undefined ? null : parseMinorUnits(value, currency, { record, field })),
    event: (part, type, date, currency, amount, raw, extra) => {
      const providerRef = `${invoice.invoiceGuid}/${part}`;
      return {
        kind: 'ledger-event',
        id: recordId(connectionId, providerRef),
        connectionId,
        provider: 'aptic',
        providerRef,
        invoiceNumber: invoice.invoiceNumber,
        invoiceId: recordId(connectionId, invoice.invoiceGuid),
        type,
        date,
        currency,
        amount,
        description: null,
        net: null,
        vat: null,
        breakdown: null,
        caseRef: null,
        raw,
        ...extra,
      };
    },
  };
}

function purchaseEvents(book: Booking, invoice: ApticDetailsItem, purchase: ApticPurchaseInformation | null): LedgerEvent[] {
  if (!purchase) return [];
  const financeStatus = purchase.financeStatus ?? invoice.financeStatus;
  const purchased = purchase.purchased ?? invoice.purchased ?? (financeStatus !== null && financeStatus !== undefined && purchasedStatuses.has(financeStatus));
  const date = isoDayOf(purchase.purchaseDate);
  if (!purchased || !date) return [];
  const currency = invoice.currencyCode;
  const raw = rawFields(purchase);
  const events: LedgerEvent[] = [];
  const amount = book.minor(purchase.purchasedAmount, currency, 'purchasedAmount') ?? 0;
  events.push(book.event('purchase', 'financed', date, currency, amount, raw));

  // The fee: its amount, or the percentage of the purchased amount ("calculated if omitted").
  const feeCurrency = purchase.purchaseFeeCurrency ?? currency;
  const statedFee = book.minor(purchase.purchaseFeeAmount, feeCurrency, 'purchaseFeeAmount');
  const fee = statedFee ?? (purchase.purchaseFeePercentage != null && feeCurrency === currency ? Math.round((amount * purchase.purchaseFeePercentage) / 100) : null);
  if (fee !== null && fee !== 0) {
    const split = splitGrossFee(fee, book.minor(purchase.purchaseFeeVatAmount, feeCurrency, 'purchaseFeeVatAmount'));
    events.push(book.event('purchase-fee', 'charge', date, feeCurrency, fee, raw, split));
  }

  const payoutDate = isoDayOf(purchase.payoutDate) ?? date;
  const feeInCurrency = fee !== null && feeCurrency === currency ? fee : 0;
  const payout = book.minor(purchase.payoutAmount, currency, 'payoutAmount') ?? amount - feeInCurrency;
  if (payout !== 0) events.push(book.event('payout', 'payout', payoutDate, currency, payout, raw));

  const recourseDate = isoDayOf(purchase.recourseDate);
  if (!recourseDate) return events;
  const recourse = book.minor(purchase.recourseAmount, currency, 'recourseAmount') ?? amount;
  events.push(book.event('recourse', 'recourse', recourseDate, currency, recourse, raw));
  const recourseFeeCurrency = purchase.recourseFeeCurrency ?? currency;
  const recourseFee = book.minor(purchase.recourseFee, recourseFeeCurrency, 'recourseFee');
  if (recourseFee !== null && recourseFee !== 0) {
    const split = splitGrossFee(recourseFee, book.minor(purchase.recourseFeeVatAmount, recourseFeeCurrency, 'recourseFeeVatAmount'));
    events.push(book.event('recourse-fee', 'charge', recourseDate, recourseFeeCurrency, recourseFee, raw, split));
  }
  const repaidDate = isoDayOf(purchase.recoursePaymentDate);
  if (repaidDate) {
    const feeRepaid = recourseFee !== null && recourseFeeCurrency === currency ? recourseFee : 0;
    const repaid = book.minor(purchase.recoursePaymentAmount, currency, 'recoursePaymentAmount') ?? recourse + feeRepaid;
    events.push(book.event('recourse-payment', 'recourse-payment', repaidDate, currency, repaid, raw));
  }
  return events;
}

/**
 * The interest on the invoice. Aptic books interest into the transactions as it capitalises it;
 * what the details add beyond that is interest accrued since, booked as one `interest` event on
 * the day it was calculated until.
 */
function interestEvents(book: Booking, invoice: ApticDetailsItem, details: ApticFinancialDetails, bookedInterest: number): LedgerEvent[] {
  const information = details.financialInterestInformation;
  if (!information) return [];
  const currency = information.currencyCode ?? invoice.currencyCode;
  const total = book.minor(information.interestAmount, currency, 'interestAmount');
  const date = isoDayOf(information.calculatedUntil);
  if (total === null || !date) return [];
  const accrued = currency === invoice.currencyCode ? total - bookedInterest : total;
  if (accrued <= 0) return [];
  return [book.event('interest', 'interest', date, currency, accrued, rawFields(information))];
}

/**
 * Creditor fees on the invoice. A fee the transactions carry (same amount, in the invoice's
 * currency) is that transaction; each other one is booked as a `fee` event, dated feeDate or the
 * invoice date.
 */
function creditorFeeEvents(book: Booking, invoice: ApticDetailsItem, fees: readonly (ApticCreditorFee | null | undefined)[], bookedFees: readonly number[]): LedgerEvent[] {
  const unmatched = [...bookedFees];
  const events: LedgerEvent[] = [];
  fees.forEach((fee, n) => {
    if (!fee) return;
    const currency = fee.currencyCode ?? invoice.currencyCode;
    const amount = book.minor(fee.amount, currency, `creditorFeeInformation[${n}].amount`);
    const date = isoDayOf(fee.feeDate) ?? isoDayOf(invoice.invoiceDate);
    if (amount === null || amount === 0 || !date) return;
    const match = currency === invoice.currencyCode ? unmatched.indexOf(amount) : -1;
    if (match >= 0) {
      unmatched.splice(match, 1);
      return;
    }
    events.push(book.event(`creditor-fee/${n}`, 'fee', date, currency, amount, rawFields(fee), { description: fee.description ?? fee.feeType ?? null }));
  });
  return events;
}
