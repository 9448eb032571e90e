import { describe, expect, it } from 'vitest';
import { normalizeApticFinancialDetails } from '../../src-main/providers/aptic/normalize-financial-details';
import { apticFinancialDetailsSchema, apticListItemSchema } from '../../src-main/providers/aptic/schema';

const invoice = apticListItemSchema.parse({
  invoiceGuid: 'a1b2c3d4-0000-4000-8000-000000000001',
  invoiceNumber: '7001',
  invoiceDate: '2025-05-02',
  currencyCode: 'SEK',
  originalPrincipal: 10_000,
  remainingPrincipal: 10_000,
  paidSum: 0,
  remainingSum: 10_000,
  status: 2,
  financeStatus: 3,
  purchased: true,
});

const nothingBooked = { interest: 0, fees: [] };

function book(details: unknown, booked: { interest: number; fees: number[] } = nothingBooked) {
  return normalizeApticFinancialDetails('c1', invoice, apticFinancialDetailsSchema.parse(details), booked).map((event) => ({
    ref: event.providerRef.split('/').slice(1).join('/'),
    type: event.type,
    date: event.date,
    currency: event.currency,
    amount: event.amount,
    net: event.net,
    vat: event.vat,
  }));
}

describe('Aptic financial details: every part may be null or absent', () => {
  it.each([
    ['three null parts', { financialInterestInformation: null, purchaseInformation: null, creditorFeeInformation: null }],
    ['empty parts', { financialInterestInformation: {}, purchaseInformation: {}, creditorFeeInformation: [] }],
    ['a null creditor fee and all-null fields', { financialInterestInformation: { interestAmount: null, calculatedUntil: null }, purchaseInformation: { purchased: null, purchaseDate: null }, creditorFeeInformation: [null, { amount: null }] }],
  ])('%s reads as nothing booked', (_name, details) => {
    expect(book(details)).toEqual([]);
  });

  it('a body naming none of the three parts is not financial details', () => {
    expect(apticFinancialDetailsSchema.safeParse({}).success).toBe(false);
    expect(apticFinancialDetailsSchema.safeParse({ unexpected: true, value: 42 }).success).toBe(false);
    expect(apticFinancialDetailsSchema.safeParse({ purchaseInformation: null }).success).toBe(true);
  });

  it('a purchase with only its date and amount books the financed amount and pays it out in full', () => {
    expect(book({ purchaseInformation: { purchaseDate: '2025-05-03T00:00:00Z', purchasedAmount: 10_000 } })).toEqual([
      { ref: 'purchase', type: 'financed', date: '2025-05-03', currency: 'SEK', amount: 1_000_000, net: null, vat: null },
      { ref: 'payout', type: 'payout', date: '2025-05-03', currency: 'SEK', amount: 1_000_000, net: null, vat: null },
    ]);
  });
});

describe('Aptic financial details: the purchase booked in full', () => {
  it('a gross fee holds 25 % VAT: 250.00 = 200.00 net + 50.00 VAT; payout 10,000.00 − 250.00 = 9,750.00', () => {
    expect(book({ purchaseInformation: { purchased: true, purchaseDate: '2025-05-03', purchasedAmount: 10_000, purchaseFeeAmount: 250 } })).toEqual([
      { ref: 'purchase', type: 'financed', date: '2025-05-03', currency: 'SEK', amount: 1_000_000, net: null, vat: null },
      { ref: 'purchase-fee', type: 'charge', date: '2025-05-03', currency: 'SEK', amount: 25_000, net: 20_000, vat: 5_000 },
      { ref: 'payout', type: 'payout', date: '2025-05-03', currency: 'SEK', amount: 975_000, net: null, vat: null },
    ]);
  });

  it('a fee given only as a percentage is worked out: 1.5 % of 10,000.00 = 150.00 (net 120.00, VAT 30.00)', () => {
    const events = book({ purchaseInformation: { purchaseDate: '2025-05-03', purchasedAmount: 10_000, purchaseFeePercentage: 1.5 } });
    expect(events.find((event) => event.type === 'charge')).toMatchObject({ amount: 15_000, net: 12_000, vat: 3_000 });
    expect(events.find((event) => event.type === 'payout')).toMatchObject({ amount: 985_000 });
  });

  it('a stated VAT amount and a stated payout win over the app’s own arithmetic', () => {
    const events = book({ purchaseInformation: { purchaseDate: '2025-05-03', purchasedAmount: 10_000, purchaseFeeAmount: 250, purchaseFeeVatAmount: 0, payoutDate: '2025-05-05', payoutAmount: 8_000 } });
    expect(events.find((event) => event.type === 'charge')).toMatchObject({ amount: 25_000, net: 25_000, vat: 0 });
    expect(events.find((event) => event.type === 'payout')).toMatchObject({ date: '2025-05-05', amount: 800_000 });
  });

  it('recourse, its fee and its repayment: 10,000.00 back, fee 100.00 (80.00 + 20.00), repaid 10,100.00', () => {
    const events = book({
      purchaseInformation: {
        purchaseDate: '2025-05-03', purchasedAmount: 10_000, purchaseFeeAmount: 250,
        recourseDate: '2025-06-20', recourseFee: 100, recoursePaymentDate: '2025-06-25',
      },
    });
    expect(events.slice(3)).toEqual([
      { ref: 'recourse', type: 'recourse', date: '2025-06-20', currency: 'SEK', amount: 1_000_000, net: null, vat: null },
      { ref: 'recourse-fee', type: 'charge', date: '2025-06-20', currency: 'SEK', amount: 10_000, net: 8_000, vat: 2_000 },
      { ref: 'recourse-payment', type: 'recourse-payment', date: '2025-06-25', currency: 'SEK', amount: 1_010_000, net: null, vat: null },
    ]);
  });

  it('a purchase without a date cannot be placed in time and books nothing', () => {
    expect(book({ purchaseInformation: { purchased: true, purchasedAmount: 10_000, purchaseFeeAmount: 250 } })).toEqual([]);
  });
});

describe('Aptic financial details: interest and creditor fees kept, never twice', () => {
  it('interest beyond what the transactions booked is kept: 120.00 − 80.00 booked = 40.00 accrued', () => {
    const details = { financialInterestInformation: { interestRate: 8, interestAmount: 120, calculatedUntil: '2025-06-30T00:00:00Z' } };
    expect(book(details, { interest: 8_000, fees: [] })).toEqual([{ ref: 'interest', type: 'interest', date: '2025-06-30', currency: 'SEK', amount: 4_000, net: null, vat: null }]);
    expect(book(details, { interest: 12_000, fees: [] })).toEqual([]);
  });

  it('a creditor fee the transactions carry is that transaction; another one is booked as a fee', () => {
    const details = { creditorFeeInformation: [{ feeType: 'CollectionCost', amount: 240, currencyCode: 'SEK' }, { feeType: 'Reminder', amount: 60, feeDate: '2025-06-01' }] };
    expect(book(details, { interest: 0, fees: [24_000] })).toEqual([{ ref: 'creditor-fee/1', type: 'fee', date: '2025-06-01', currency: 'SEK', amount: 6_000, net: null, vat: null }]);
    expect(book(details).map((event) => [event.ref, event.date, event.amount])).toEqual([
      ['creditor-fee/0', '2025-05-02', 24_000],
      ['creditor-fee/1', '2025-06-01', 6_000],
    ]);
  });
});
