import type { VatLine } from '../domain/records';
import type { AccountMap, AccountRole } from './account-map';
import type { JournalEntry } from './period-journal';

/** One voucher line: `amount` in minor units, positive on the debit side, negative on the credit side (as SIE writes it). */
export interface VoucherLine {
  account: string;
  amount: number;
  /** The VAT code of the line in the journal CSV: `25`, `12`, `6`, `0` (see `vatCode`), `in` (input VAT), `?` (VAT not known), or null. */
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

/**
 * Net and VAT of a sale at each rate, summing to its gross, sizes in the direction of its type;
 * null when no invoice record of it knows its VAT. Rates in basis points (2500 = 25 %), as the
 * invoice records carry them (`VatLine`): the rate becomes accounts and a VAT code here only.
 */
export type VatSplit = readonly VatLine[] | null;

/** The accounts of the Swedish rates, by basis points; a rate not here has no account in the map. */
const salesAccounts: Readonly<Record<number, { sales: AccountRole; outputVat: AccountRole | null }>> = {
  2500: { sales: 'sales25', outputVat: 'outputVat25' },
  1200: { sales: 'sales12', outputVat: 'outputVat12' },
  600: { sales: 'sales6', outputVat: 'outputVat6' },
  0: { sales: 'salesExempt', outputVat: null },
};

/** The journal's VAT code of a rate: the percentage, `25`, `12`, `25.5`. */
export function vatCode(basisPoints: number): string {
  return String(basisPoints / 100);
}

const factored = (entry: JournalEntry) => entry.financing === 'factored' || entry.financing === 'factored-with-recourse';

const debit = (account: string, amount: number, vatCode: string | null = null): VoucherLine => ({ account, amount, vatCode });
const credit = (account: string, amount: number, vatCode: string | null = null): VoucherLine => ({ account, amount: -amount, vatCode });

/**
 * Sales on an invoice: gross on receivables against sales and output VAT per rate when the split
 * is known; else the gross on the "sales, VAT not known" account, flagged for the accountant.
 */
function sales(map: AccountMap, gross: number, split: VatSplit): Booking {
  // A split that does not add up to the gross would unbalance the voucher, and a rate without
  // accounts (21 % in a Swedish book) cannot be booked on one: either is booked as not known.
  const known = split !== null && split.reduce((sum, { net, vat }) => sum + net + vat, 0) === gross && split.every(({ rate, vat }) => {
    const accounts = salesAccounts[rate];
    return accounts !== undefined && (accounts.outputVat !== null || vat === 0);
  });
  if (!known) return { lines: [debit(map.receivables, gross), credit(map.salesVatUnknown, gross, '?')], vatUnknown: true };
  const lines = [debit(map.receivables, gross)];
  for (const { rate, net, vat } of split) {
    const accounts = salesAccounts[rate]!;
    if (net !== 0) lines.push(credit(map[accounts.sales], net, vatCode(rate)));
    if (accounts.outputVat !== null && vat !== 0) lines.push(credit(map[accounts.outputVat], vat, vatCode(rate)));
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
