import type { AccountMap } from './account-map';
import { bookEntry, type NotBooked, type VoucherLine } from './booking-rules';
import type { JournalEntry } from './period-journal';

/** One booked movement: numbered in date order, its lines summing to zero. */
export interface Voucher {
  /** 1, 2, 3… within the file; the series is `voucherSeries`. */
  number: number;
  date: string;
  entry: JournalEntry;
  lines: VoucherLine[];
}

/** The series the vouchers are numbered in (R for Reskontra), so they never collide with the book's own series. */
export const voucherSeries = 'R';

export interface BookedPeriod {
  currency: string;
  vouchers: Voucher[];
  /** Movements in another currency: left out, never converted. */
  otherCurrency: JournalEntry[];
  notBooked: { entry: JournalEntry; reason: NotBooked }[];
  /** Booked with VAT not known (sales at the gross, a charge without its split): the accountant splits them. */
  vatUnknown: JournalEntry[];
}

/** The vouchers of a period's journal in one book currency. */
export function bookPeriod(entries: readonly JournalEntry[], map: AccountMap, currency: string): BookedPeriod {
  const booked: BookedPeriod = { currency, vouchers: [], otherCurrency: [], notBooked: [], vatUnknown: [] };
  for (const entry of entries) {
    if (entry.currency !== currency) {
      booked.otherCurrency.push(entry);
      continue;
    }
    const booking = bookEntry(entry, map);
    if ('notBooked' in booking) {
      booked.notBooked.push({ entry, reason: booking.notBooked });
      continue;
    }
    if (booking.vatUnknown) booked.vatUnknown.push(entry);
    booked.vouchers.push({ number: booked.vouchers.length + 1, date: entry.date, entry, lines: booking.lines });
  }
  return booked;
}

/** Every account the vouchers use, in number order: what `#KONTO` declares. */
export function accountsUsed(vouchers: readonly Voucher[]): string[] {
  return [...new Set(vouchers.flatMap((voucher) => voucher.lines.map((line) => line.account)))].sort();
}
