import type { VatLine } from '../../../src-shared/domain/records';
import { AmountError, parseFixedPoint, parseMinorUnits } from '../../../src-shared/money/parse-amount';
import type { FlowtlyInvoiceRow } from './schema';

/** Quantities are read to six decimals (hours, kilos); a VAT rate to two (25.5 % = 2550 basis points). */
const quantityDecimals = 6;
const rateDecimals = 2;

/** `numerator / denominator` rounded half away from zero, exactly (so a credit row's VAT is minus the invoice row's). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

function safe(value: bigint, record: string, part: 'net' | 'vat'): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new AmountError(`${record}: ${part === 'net' ? 'net' : 'VAT'} is too large to hold exactly.`, { code: 'rowTooLarge', part });
  return number;
}

/**
 * One Flowtly invoice row as net and VAT in minor units. Net = quantity × `netPrice` (rounded to
 * the minor unit) less `netDiscountAmount` (the row's whole discount); VAT = net × `vatRate` %,
 * rounded half away from zero per row, as Flowtly's own invoice totals are made row by row.
 */
export function flowtlyRowVat(row: FlowtlyInvoiceRow, currency: string, record: string): VatLine {
  const quantity = parseFixedPoint(row.quantity, quantityDecimals, { record, field: 'quantity' }, 'a quantity');
  const price = parseMinorUnits(row.netPrice, currency, { record, field: 'netPrice' });
  const discount = row.netDiscountAmount == null ? 0 : parseMinorUnits(row.netDiscountAmount, currency, { record, field: 'netDiscountAmount' });
  const rate = parseFixedPoint(row.vatRate, rateDecimals, { record, field: 'vatRate' }, 'a VAT rate');
  const net = divideRounded(BigInt(quantity) * BigInt(price), 10n ** BigInt(quantityDecimals)) - BigInt(discount);
  const vat = divideRounded(net * BigInt(rate), 10_000n);
  return { rate, net: safe(net, record, 'net'), vat: safe(vat, record, 'vat') };
}

/** An invoice's rows summed per VAT rate, in rising rate order. */
export function vatLinesOf(rows: readonly VatLine[]): VatLine[] {
  const byRate = new Map<number, VatLine>();
  for (const row of rows) {
    const line = byRate.get(row.rate);
    if (line) {
      line.net += row.net;
      line.vat += row.vat;
    } else byRate.set(row.rate, { ...row });
  }
  return [...byRate.values()].sort((a, b) => a.rate - b.rate);
}
