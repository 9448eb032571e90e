import { describe, expect, it } from 'vitest';
import { factoringCostOf } from '../../src-renderer/invoices/factoring-cost';

describe('what factoring one invoice cost', () => {
  it('adds its charges and sets their net against what was financed', () => {
    const costs = factoringCostOf([
      { type: 'financed', currency: 'SEK', amount: 1_000_000, net: null, vat: null },
      // 100.00 net + 25.00 VAT, and one charge without a net (its VAT taken off): 20.00 + 5.00.
      { type: 'charge', currency: 'SEK', amount: 12_500, net: 10_000, vat: 2_500 },
      { type: 'charge', currency: 'SEK', amount: 2_500, net: null, vat: 500 },
      { type: 'payout', currency: 'SEK', amount: 985_000, net: null, vat: null },
      { type: 'payment', currency: 'SEK', amount: 1_000_000, net: null, vat: null },
    ]);
    // 120.00 of fees on 10,000.00 financed: 1.2 %.
    expect(costs).toEqual([{ currency: 'SEK', financed: 1_000_000, net: 12_000, vat: 3_000, total: 15_000, rate: 0.012 }]);
  });

  it('has no rate without financing, and no cost at all without financing or charges', () => {
    expect(factoringCostOf([{ type: 'charge', currency: 'EUR', amount: 500, net: 400, vat: 100 }])).toEqual([
      { currency: 'EUR', financed: 0, net: 400, vat: 100, total: 500, rate: null },
    ]);
    expect(factoringCostOf([{ type: 'payment', currency: 'EUR', amount: 500, net: null, vat: null }])).toEqual([]);
  });
});
