import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basAccountMap } from '../../src-shared/accounting/account-map';
import { invoiceLookup, periodJournal } from '../../src-shared/accounting/period-journal';
import { bookPeriod } from '../../src-shared/accounting/vouchers';
import type { FinancingState, LedgerEvent, LedgerEventType } from '../../src-shared/domain/records';
import { journalStatement } from '../../src-renderer/accounting/journal-statement';
import { sieStatement } from '../../src-renderer/accounting/sie-statement';
import { balanceEffect } from '../../src-renderer/queries/ledger-events';
import { invoice, ledgerEvent } from '../support/records';
import { readSie, sieProblems } from '../support/sie-reader';

const types: LedgerEventType[] = ['invoiced', 'credited', 'interest', 'fee', 'financed', 'charge', 'payout', 'recourse', 'recourse-payment', 'payment', 'settlement-allocation'];
const financings: FinancingState[] = ['own-ledger', 'factored', 'factored-with-recourse', 'recoursed'];
const amount = fc.integer({ min: 0, max: 50_000_00 });

const generatedEvent = fc.record({
  type: fc.constantFrom(...types),
  invoice: fc.integer({ min: 0, max: 4 }),
  day: fc.integer({ min: 1, max: 28 }),
  amount,
  currency: fc.constantFrom('SEK', 'SEK', 'SEK', 'EUR'),
  split: fc.option(fc.tuple(amount, fc.integer({ min: 0, max: 10_000_00 }))),
  pending: fc.boolean(),
  parts: fc.tuple(amount, amount, amount),
});

const period = fc.record({ events: fc.array(generatedEvent, { maxLength: 40 }), financing: fc.array(fc.constantFrom(...financings), { minLength: 5, maxLength: 5 }) });

type GeneratedPeriod = typeof period extends fc.Arbitrary<infer T> ? T : never;

function events({ events: generated }: Pick<GeneratedPeriod, 'events'>): LedgerEvent[] {
  return generated.map((g, n) => {
    const fields: Partial<LedgerEvent> = { type: g.type, date: `2025-01-${String(g.day).padStart(2, '0')}`, amount: g.amount, currency: g.currency, invoiceNumber: String(g.invoice) };
    if (g.type === 'charge' && g.split) Object.assign(fields, { net: g.split[0], vat: g.split[1], amount: g.split[0] + g.split[1] });
    if (g.type === 'settlement-allocation' || (g.type === 'payment' && g.pending)) {
      const [capital, interest, fees] = g.parts;
      Object.assign(fields, { breakdown: { capital, interest, fees }, amount: capital + interest + fees });
    }
    return ledgerEvent('c', `e${n}`, fields);
  });
}

describe('for any generated period of events', () => {
  it('every voucher balances, the journal debits equal its credits, and the SIE file reads back balanced', () => {
    fc.assert(
      fc.property(period, (generated) => {
        const invoices = generated.financing.map((financing, n) => invoice('c', String(n), { number: String(n), financing }));
        const entries = periodJournal(events(generated), invoiceLookup(invoices), { from: '2025-01-01', to: '2025-01-31' }, []);
        const booked = bookPeriod(entries, basAccountMap, 'SEK');
        for (const voucher of booked.vouchers) expect(voucher.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(0);

        const journal = journalStatement(entries, { from: '2025-01-01', to: '2025-01-31', language: 'fi', currency: 'SEK', accounts: basAccountMap });
        const [debit, credit] = journal.totals;
        expect(debit?.minor ?? 0).toBe(credit?.minor ?? 0);

        const sie = sieStatement(entries, { from: '2025-01-01', to: '2025-01-31', language: 'en', accounts: basAccountMap, company: { name: 'Ö', orgNumber: '' }, program: { name: 'R', version: '1' }, generated: '2025-02-01' });
        const document = readSie(sie.file!.bytes);
        expect(sieProblems(document)).toEqual([]);
        expect(document.vouchers.length).toBe(booked.vouchers.length);
      }),
      { numRuns: 200 },
    );
  });

  it("the journal's net change on receivables is the change in what customers owe less what left the ledger, and the factor account follows the Events screen's balance", () => {
    fc.assert(
      fc.property(period, (generated) => {
        const invoices = generated.financing.map((financing, n) => invoice('c', String(n), { number: String(n), financing }));
        const all = events(generated);
        const entries = periodJournal(all, invoiceLookup(invoices), { from: '2025-01-01', to: '2025-01-31' }, []);
        const booked = bookPeriod(entries, basAccountMap, 'SEK');
        const onAccount = (account: string) => booked.vouchers.flatMap((voucher) => voucher.lines).filter((line) => line.account === account).reduce((sum, line) => sum + line.amount, 0);

        // Worked out from the events alone, as a bookkeeper would, not through the booking rules.
        const sek = all.filter((event) => event.currency === 'SEK');
        const financingOf = (event: LedgerEvent) => generated.financing[Number(event.invoiceNumber)]!;
        const ours = (event: LedgerEvent) => financingOf(event) !== 'factored' && financingOf(event) !== 'factored-with-recourse';
        const sum = (pick: (event: LedgerEvent) => number) => sek.reduce((total, event) => total + pick(event), 0);
        const owedChange = sum((event) => {
          switch (event.type) {
            case 'invoiced': return event.amount;
            case 'credited': return -event.amount;
            case 'interest': case 'fee': return ours(event) ? event.amount : 0;
            case 'payment': return event.breakdown === null && ours(event) ? -event.amount : 0;
            case 'settlement-allocation': return -event.breakdown!.capital;
            default: return 0;
          }
        });
        const leftTheLedger = sum((event) => (event.type === 'financed' ? event.amount : event.type === 'recourse' ? -event.amount : 0));
        expect(onAccount(basAccountMap.receivables)).toBe(owedChange - leftTheLedger);
        expect(onAccount(basAccountMap.factorAccount)).toBe(sum((event) => balanceEffect(event)));
      }),
      { numRuns: 200 },
    );
  });
});
