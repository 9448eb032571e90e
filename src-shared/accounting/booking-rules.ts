import type { AccountMap } from './account-map';
import type { JournalEntry } from './period-journal';

/** A VAT rate Swedish sales are booked at, in percent; 0 is exempt sales. */
export type VatRate = 25 | 12 | 6 | 0;

/** One voucher line: `amount` in minor units, positive on the debit side, negative on the credit side (as SIE writes it). */
export interface VoucherLine {
  account: string;
  amount: number;
  /** The VAT code of the line in the journal CSV: `25`, `12`, `6`, `0`, `in` (input VAT), `?` (VAT not known), or null. */
  vatCode: string | null;
}

/** Why a movement gets no voucher; the dialog lists each one. */
export type NotBooked =
  /** A customer's payment, interest or fee on an invoice the factoring company owns: its money, not yours. */
  | 'factor-owns-invoice'
  /** A collection payment not yet settled: the agency holds it until the settlement, which is booked. */
  | 'pending-at-agency'
  /** A movement of a type Reskontra does not know: its accounts cannot be guessed. */
  | 'unknown-type'
  | 'zero';

export type Booking = { lines: VoucherLine[]; vatUnknown: boolean } | { notBooked: NotBooked };

/** Net and VAT of an invoice at each rate, summing to its gross; null while the providers' invoice lines are not fetched. */
export type VatSplit = readonly { rate: VatRate; net: number; vat: number }[] | null;

const factored = (entry: JournalEntry) => entry.financing === 'factored' || entry.financing === 'factored-with-recourse';

const debit = (account: string, amount: number, vatCode: string | null = null): VoucherLine => ({ account, amount, vatCode });
const credit = (account: string, amount: number, vatCode: string | null = null): VoucherLine => ({ account, amount: -amount, vatCode });

/**
 * Sales on an invoice: gross on receivables against sales and output VAT per rate when the split
 * is known; else the gross on the "sales, VAT not known" account, flagged for the accountant.
 */
function sales(map: AccountMap, gross: number, split: VatSplit): Booking {
  // A split that does not add up to the gross would unbalance the voucher: booked as not known.
  if (split === null || split.reduce((sum, { net, vat }) => sum + net + vat, 0) !== gross) return { lines: [debit(map.receivables, gross), credit(map.salesVatUnknown, gross, '?')], vatUnknown: true };
  const salesAccount = { 25: map.sales25, 12: map.sales12, 6: map.sales6, 0: map.salesExempt } as const;
  const vatAccount = { 25: map.outputVat25, 12: map.outputVat12, 6: map.outputVat6 } as const;
  const lines = [debit(map.receivables, gross)];
  for (const { rate, net, vat } of split) {
    lines.push(credit(salesAccount[rate], net, String(rate)));
    if (rate !== 0 && vat !== 0) lines.push(credit(vatAccount[rate], vat, String(rate)));
  }
  return { lines, vatUnknown: false };
}

function negate(booking: Booking): Booking {
  if ('notBooked' in booking) return booking;
  return { ...booking, lines: booking.lines.map((line) => ({ ...line, amount: -line.amount })) };
}

/**
 * The voucher lines of one movement: debits and credits that sum to zero. README prints these
 * rules as a table; change both together.
 */
export function bookEntry(entry: JournalEntry, map: AccountMap): Booking {
  const a = entry.amount;
  if (a === 0) return { notBooked: 'zero' };
  const plain = (lines: VoucherLine[]): Booking => ({ lines, vatUnknown: false });
  switch (entry.type) {
    case 'invoiced':
      return sales(map, a, entry.vatByRate);
    case 'credited':
      return negate(sales(map, a, entry.vatByRate));
    case 'payment':
      if (entry.breakdown !== null) return { notBooked: 'pending-at-agency' };
      if (factored(entry)) return { notBooked: 'factor-owns-invoice' };
      return plain([debit(map.bank, a), credit(map.receivables, a)]);
    case 'settlement-allocation': {
      const { capital, interest, fees } = entry.breakdown ?? { capital: a, interest: 0, fees: 0 };
      const lines = [debit(map.bank, a), credit(map.receivables, capital)];
      if (interest !== 0) lines.push(credit(map.interestIncome, interest));
      if (fees !== 0) lines.push(credit(map.reminderFees, fees));
      return plain(lines);
    }
    case 'interest':
      return factored(entry) ? { notBooked: 'factor-owns-invoice' } : plain([debit(map.receivables, a), credit(map.interestIncome, a)]);
    case 'fee':
      return factored(entry) ? { notBooked: 'factor-owns-invoice' } : plain([debit(map.receivables, a), credit(map.reminderFees, a)]);
    case 'financed':
      return plain([debit(map.factorAccount, a), credit(map.receivables, a)]);
    case 'charge':
      if (entry.net === null || entry.vat === null || entry.net + entry.vat !== a) {
        return { lines: [debit(map.factoringFees, a, '?'), credit(map.factorAccount, a)], vatUnknown: true };
      }
      return plain([debit(map.factoringFees, entry.net, 'in'), ...(entry.vat !== 0 ? [debit(map.inputVat, entry.vat, 'in')] : []), credit(map.factorAccount, a)]);
    case 'payout':
      return plain([debit(map.bank, a), credit(map.factorAccount, a)]);
    case 'recourse':
      return plain([debit(map.receivables, a), credit(map.factorAccount, a)]);
    case 'recourse-payment':
      return plain([debit(map.factorAccount, a), credit(map.bank, a)]);
    case 'unknown':
      return { notBooked: 'unknown-type' };
  }
}
