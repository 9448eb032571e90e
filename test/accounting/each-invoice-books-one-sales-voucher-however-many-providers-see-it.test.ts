import { describe, expect, it } from 'vitest';
import { basAccountMap } from '../../src-shared/accounting/account-map';
import type { VatSplit } from '../../src-shared/accounting/booking-rules';
import { invoiceLookup, periodJournal } from '../../src-shared/accounting/period-journal';
import { salesDocuments } from '../../src-shared/accounting/sales-documents';
import { bookPeriod } from '../../src-shared/accounting/vouchers';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import { invoiceFacts } from '../support/invoice-facts';
import { invoice, ledgerEvent } from '../support/records';

const may = { from: '2025-05-01', to: '2025-05-31' };

const facts = (overrides: Parameters<typeof invoiceFacts>[0]) =>
  invoiceFacts({ issueDate: '2025-05-06', dueDate: '2025-06-05', total: 12_500_00, outstanding: 12_500_00, ...overrides });

/** Invoice 10500 issued in Flowtly and serviced by Aptic, which also sends its own invoiced and credited transactions. */
function mayJournal(vatOf: (recordId: string) => VatSplit = () => null) {
  const records = [
    facts({ id: 'f/1', provider: 'flowtly' }),
    facts({ id: 'a/guid-1', provider: 'aptic' }),
    // Flowtly's credit note K-3 for 2,500.00 of invoice 10500, linked to it.
    facts({ id: 'f/2', provider: 'flowtly', number: 'K-3', issueDate: '2025-05-20', total: -2_500_00, outstanding: -2_500_00, credits: 'f/1' }),
  ];
  const ledger = joinLedger({ invoices: records, cases: [], financing: [] }, '2025-05-31');
  const aptic = (ref: string, fields: Parameters<typeof ledgerEvent>[2]) =>
    ledgerEvent('a', ref, { provider: 'aptic', invoiceNumber: '10500', invoiceId: 'a/guid-1', ...fields });
  const events = [
    aptic('t1', { type: 'invoiced', date: '2025-05-07', amount: 12_500_00 }),
    aptic('t2', { type: 'credited', date: '2025-05-21', amount: 2_500_00 }),
    aptic('t3', { type: 'payment', date: '2025-05-28', amount: 4_000_00 }),
  ];
  const entries = periodJournal(events, invoiceLookup([invoice('a', 'guid-1', { number: '10500' })]), may, salesDocuments(ledger, records, vatOf));
  return bookPeriod(entries, basAccountMap, 'SEK');
}

const linesOf = (booked: ReturnType<typeof mayJournal>) =>
  booked.vouchers.map((voucher) => ({ date: voucher.date, type: voucher.entry.type, lines: voucher.lines.map(({ account, amount }) => [account, amount]) }));

describe('sales in the period journal', () => {
  it('book an invoice seen by Flowtly and Aptic once, on its issue date, and ignore Aptic’s own invoiced and credited events', () => {
    expect(linesOf(mayJournal())).toEqual([
      { date: '2025-05-06', type: 'invoiced', lines: [['1510', 12_500_00], ['3000', -12_500_00]] },
      { date: '2025-05-20', type: 'credited', lines: [['1510', -2_500_00], ['3000', 2_500_00]] },
      { date: '2025-05-28', type: 'payment', lines: [['1930', 4_000_00], ['1510', -4_000_00]] },
    ]);
  });

  it('book a credit note as negative sales and output VAT per rate when the invoice records carry them', () => {
    // Flowtly has the lines (25 %), Aptic not: the split is taken from whichever record has it.
    const split: Record<string, VatSplit> = {
      'f/1': [{ rate: 2500, net: 10_000_00, vat: 2_500_00 }],
      'f/2': [{ rate: 2500, net: 2_000_00, vat: 500_00 }],
    };
    const booked = mayJournal((id) => split[id] ?? null);
    expect(linesOf(booked).slice(0, 2)).toEqual([
      { date: '2025-05-06', type: 'invoiced', lines: [['1510', 12_500_00], ['3001', -10_000_00], ['2611', -2_500_00]] },
      { date: '2025-05-20', type: 'credited', lines: [['1510', -2_500_00], ['3001', 2_000_00], ['2611', 500_00]] },
    ]);
    expect(booked.vatUnknown).toEqual([]);
  });

  it('book no draft: it has not been sent', () => {
    const records = [facts({ id: 'f/9', provider: 'flowtly', number: 'D-1', status: 'draft', outstanding: 0 })];
    const sales = salesDocuments(joinLedger({ invoices: records, cases: [], financing: [] }, '2025-05-31'), records, () => null);
    expect(periodJournal([], invoiceLookup([]), may, sales)).toEqual([]);
  });

  it('still books a provider’s invoiced event for an invoice no invoice record covers', () => {
    const event = ledgerEvent('a', 't9', { provider: 'aptic', type: 'invoiced', date: '2025-05-09', amount: 700_00, invoiceNumber: '777' });
    const booked = bookPeriod(periodJournal([event], invoiceLookup([]), may, []), basAccountMap, 'SEK');
    expect(linesOf(booked)).toEqual([{ date: '2025-05-09', type: 'invoiced', lines: [['1510', 700_00], ['3000', -700_00]] }]);
  });
});
