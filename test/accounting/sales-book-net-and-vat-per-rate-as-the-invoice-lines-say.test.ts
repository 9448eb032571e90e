import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basAccountMap } from '../../src-shared/accounting/account-map';
import { invoiceLookup, periodJournal } from '../../src-shared/accounting/period-journal';
import { salesDocuments } from '../../src-shared/accounting/sales-documents';
import { salesVatByRate } from '../../src-shared/accounting/sales-vat-by-rate';
import { bookPeriod } from '../../src-shared/accounting/vouchers';
import type { Invoice, VatLine } from '../../src-shared/domain/records';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import { journalStatement } from '../../src-renderer/accounting/journal-statement';
import { invoiceFacts } from '../support/invoice-facts';
import { invoice } from '../support/records';

const january = { from: '2025-01-01', to: '2025-01-31' };
/** The Swedish rates the account map books, in basis points, with their accounts; 2100 has none. */
const swedish = [
  { rate: 2500, sales: basAccountMap.sales25, vat: basAccountMap.outputVat25 },
  { rate: 1200, sales: basAccountMap.sales12, vat: basAccountMap.outputVat12 },
  { rate: 600, sales: basAccountMap.sales6, vat: basAccountMap.outputVat6 },
  { rate: 0, sales: basAccountMap.salesExempt, vat: null },
];

const generatedInvoice = fc.record({
  day: fc.integer({ min: 1, max: 31 }),
  currency: fc.constantFrom('SEK', 'SEK', 'SEK', 'EUR'),
  credit: fc.boolean(),
  // Null: the provider lists no rows, VAT unknown.
  rows: fc.option(fc.array(fc.record({ rate: fc.constantFrom(2500, 1200, 600, 0, 2100), net: fc.integer({ min: 1, max: 1_000_000_00 }) }), { minLength: 1, maxLength: 4 }), { freq: 4 }),
});

/** An invoice record as Flowtly's client stores it: rows summed per rate, a credit note's rows negative. */
function record(generated: typeof generatedInvoice extends fc.Arbitrary<infer T> ? T : never, n: number): Invoice {
  const sign = generated.credit ? -1 : 1;
  const byRate = new Map<number, VatLine>();
  for (const row of generated.rows ?? []) {
    const line = byRate.get(row.rate) ?? { rate: row.rate, net: 0, vat: 0 };
    byRate.set(row.rate, { rate: row.rate, net: line.net + sign * row.net, vat: line.vat + sign * Math.round((row.net * row.rate) / 10_000) });
  }
  const vatLines = generated.rows === null ? null : [...byRate.values()].sort((a, b) => a.rate - b.rate);
  const total = generated.rows === null ? sign * 1_000_00 : vatLines!.reduce((sum, line) => sum + line.net + line.vat, 0);
  return invoice('f', String(n), { provider: 'flowtly', number: `N${n}`, issueDate: `2025-01-${String(generated.day).padStart(2, '0')}`, currency: generated.currency, total, outstanding: total, vatLines });
}

describe('for any generated month of invoices and credit notes with their lines', () => {
  it('books net and output VAT per rate as the lines say, every voucher balanced, and the VAT statement agrees', () => {
    fc.assert(
      fc.property(fc.array(generatedInvoice, { maxLength: 25 }), (generated) => {
        const records = generated.map(record);
        const facts = records.map((one) => invoiceFacts({ ...one, customerName: null }));
        const vatOf = new Map(records.map((one) => [one.id, one.vatLines ?? null]));
        const sales = salesDocuments(joinLedger({ invoices: facts, cases: [], financing: [] }, january.to), facts, (id) => vatOf.get(id) ?? null);
        const entries = periodJournal([], invoiceLookup([]), january, sales);
        const booked = bookPeriod(entries, basAccountMap, 'SEK');

        for (const voucher of booked.vouchers) expect(voucher.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(0);
        const journal = journalStatement(entries, { ...january, language: 'sv', currency: 'SEK', accounts: basAccountMap });
        expect(journal.totals[0]?.minor ?? 0).toBe(journal.totals[1]?.minor ?? 0);

        // Worked out from the records alone: a SEK record whose every rate has accounts is split, any other is VAT unknown.
        const onAccount = (account: string) => 0 - booked.vouchers.flatMap((voucher) => voucher.lines).filter((line) => line.account === account).reduce((sum, line) => sum + line.amount, 0);
        const sek = records.filter((one) => one.currency === 'SEK');
        const split = sek.filter((one) => one.vatLines && one.vatLines.every((line) => swedish.some((rate) => rate.rate === line.rate)));
        for (const rate of swedish) {
          const lines = split.flatMap((one) => one.vatLines!.filter((line) => line.rate === rate.rate));
          expect(onAccount(rate.sales), `sales at ${rate.rate}`).toBe(lines.reduce((sum, line) => sum + line.net, 0));
          if (rate.vat) expect(onAccount(rate.vat), `output VAT at ${rate.rate}`).toBe(lines.reduce((sum, line) => sum + line.vat, 0));
        }
        const unknown = sek.filter((one) => !split.includes(one));
        expect(onAccount(basAccountMap.salesVatUnknown)).toBe(unknown.reduce((sum, one) => sum + one.total, 0));
        expect(booked.vatUnknown.map((entry) => entry.invoiceNumber).sort()).toEqual(unknown.map((one) => one.number).sort());

        // The Sales and VAT by rate statement: per currency and rate, the sum of the invoices' lines.
        const statement = salesVatByRate(records, january);
        for (const row of statement.rows.filter((one) => one.rate !== null)) {
          const lines = records.filter((one) => one.currency === row.currency).flatMap((one) => (one.vatLines ?? []).filter((line) => line.rate === row.rate));
          expect([row.net, row.vat]).toEqual([lines.reduce((sum, line) => sum + line.net, 0), lines.reduce((sum, line) => sum + line.vat, 0)]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
