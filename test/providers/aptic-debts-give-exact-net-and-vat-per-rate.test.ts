import { describe, expect, it } from 'vitest';
import { apticVatLines } from '../../src-main/providers/aptic/vat-lines';

// The debts as the sandbox serves them (sandbox/data/aptic-view.ts, apticDetail): amount is the net.
const debt = (fields: Record<string, unknown>) => ({ description: 'Konsulttimmar', quantity: 1, unit: 'st', unitPrice: 1000, vatPercentage: 25, amount: 1000, vatAmount: 250, totalAmount: 1250, ...fields });
const detail = (...debts: unknown[]) => ({ invoiceNumber: '10425', customer: { name: 'Kund AB' }, debts });

describe("an Aptic invoice's debts", () => {
  it('give net and VAT per rate exactly as stated, lowest rate first', () => {
    // 25 %: 1 234.56 + 99.99 = 1 334.55 net, 308.64 + 25.00 = 333.64 VAT; 12 %: 0.05 net, 0.01 VAT.
    const body = detail(
      debt({ amount: 1234.56, vatAmount: 308.64, totalAmount: 1543.2 }),
      debt({ vatPercentage: 12, amount: 0.05, vatAmount: 0.01, totalAmount: 0.06 }),
      debt({ amount: '99.99', vatAmount: '25.00', totalAmount: '124.99' }),
    );
    expect(apticVatLines(body, 'SEK', 'r')).toEqual([
      { rate: 1200, net: 5, vat: 1 },
      { rate: 2500, net: 133455, vat: 33364 },
    ]);
  });

  it('take a missing net or VAT from the line total, and read fractional rates', () => {
    // 25.5 %: no net stated, so 125.50 total less 25.50 VAT = 100.00; no VAT stated: 1 250.00 - 1 000.00.
    expect(apticVatLines(detail(debt({ vatPercentage: 25.5, amount: null, vatAmount: 25.5, totalAmount: 125.5 })), 'EUR', 'r')).toEqual([{ rate: 2550, net: 10000, vat: 2550 }]);
    expect(apticVatLines(detail(debt({ vatAmount: undefined })), 'SEK', 'r')).toEqual([{ rate: 2500, net: 100000, vat: 25000 }]);
  });

  it('say VAT unknown, never a guess, when any line lacks a readable rate, net or VAT', () => {
    expect(apticVatLines(detail(debt({}), debt({ vatPercentage: null })), 'SEK', 'r')).toBeNull();
    expect(apticVatLines(detail(debt({ vatPercentage: undefined })), 'SEK', 'r')).toBeNull();
    expect(apticVatLines(detail(debt({ vatPercentage: 'tjugofem' })), 'SEK', 'r')).toBeNull();
    expect(apticVatLines(detail(debt({ vatAmount: null, totalAmount: null })), 'SEK', 'r')).toBeNull();
    expect(apticVatLines(detail(debt({ amount: 12.345 })), 'SEK', 'r')).toBeNull();
    expect(apticVatLines(detail(null), 'SEK', 'r')).toBeNull();
  });

  it('say VAT unknown when the detail lists no debts', () => {
    expect(apticVatLines(detail(), 'SEK', 'r')).toBeNull();
    expect(apticVatLines({ invoiceNumber: '1', debts: null }, 'SEK', 'r')).toBeNull();
    expect(apticVatLines({ invoiceNumber: '1' }, 'SEK', 'r')).toBeNull();
    expect(apticVatLines('not json', 'SEK', 'r')).toBeNull();
  });
});
