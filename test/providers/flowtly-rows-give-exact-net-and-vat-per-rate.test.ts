import { describe, expect, it } from 'vitest';
import { flowtlyRowVat, vatLinesOf } from '../../src-main/providers/flowtly/vat-lines';
import { flowtlyInvoiceRowSchema } from '../../src-main/providers/flowtly/schema';
import { AmountError } from '../../src-shared/money/parse-amount';

const row = (fields: Record<string, unknown>) =>
  flowtlyInvoiceRowSchema.parse({ quantity: 1, vatRate: '21', netPrice: '10.00', netDiscountAmount: '0.00', productName: 'Uren', ...fields });

describe('a Flowtly invoice row', () => {
  it('is quantity × net price less the row discount, VAT at the rate rounded per row', () => {
    // 3 × 12.35 = 37.05, less 2.00 = 35.05; 21 % of 35.05 = 7.3605 → 7.36.
    expect(flowtlyRowVat(row({ quantity: 3, netPrice: '12.35', netDiscountAmount: '2.00' }), 'EUR', 'r')).toEqual({ rate: 2100, net: 3505, vat: 736 });
  });

  it('reads fractional quantities and rates exactly', () => {
    // 1.5 × 33.33 = 49.995 → 50.00 (half away from zero); 25.5 % of 50.00 = 12.75.
    expect(flowtlyRowVat(row({ quantity: 1.5, netPrice: '33.33', vatRate: '25.5' }), 'EUR', 'r')).toEqual({ rate: 2550, net: 5000, vat: 1275 });
    // 0.1 + 0.2 style floats never enter: 0.3 × 10.00 = 3.00 exactly.
    expect(flowtlyRowVat(row({ quantity: 0.3 }), 'EUR', 'r').net).toBe(300);
  });

  it('rounds a credit row to exactly minus the invoice row', () => {
    // 6 % of 0.25 = 0.015: 0.02 for the sale, -0.02 for its credit.
    expect(flowtlyRowVat(row({ netPrice: '0.25', vatRate: '6' }), 'SEK', 'r').vat).toBe(2);
    expect(flowtlyRowVat(row({ quantity: -1, netPrice: '0.25', vatRate: '6' }), 'SEK', 'r').vat).toBe(-2);
  });

  it('refuses a rate or price it cannot read exactly, naming the row and field', () => {
    expect(() => flowtlyRowVat(row({ vatRate: '21.125' }), 'EUR', 'Flowtly invoice 7, row 3')).toThrow(AmountError);
    expect(() => flowtlyRowVat(row({ netPrice: 'tien' }), 'EUR', 'Flowtly invoice 7, row 3')).toThrow(/Flowtly invoice 7, row 3, field netPrice/);
  });
});

describe("an invoice's VAT lines", () => {
  it('sum the rows per rate, lowest rate first', () => {
    expect(
      vatLinesOf([
        { rate: 2100, net: 1000, vat: 210 },
        { rate: 900, net: 500, vat: 45 },
        { rate: 2100, net: 3505, vat: 736 },
      ]),
    ).toEqual([
      { rate: 900, net: 500, vat: 45 },
      { rate: 2100, net: 4505, vat: 946 },
    ]);
  });
});
