import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEventType } from '../../src-shared/domain/records';
import {
  closingBalances,
  factoringTypes,
  invoiceIdsByNumber,
  ledgerTotals,
  loadLedgerRows,
  matchesLedgerFilter,
  type LedgerFilter,
} from '../../src-renderer/queries/ledger-events';
import { memoryCache } from '../support/memory-cache';
import { invoice, ledgerEvent } from '../support/records';
import { storeInvoices } from '../support/cached-invoices';

/** The seed page's invoice 10425, in minor units: financed, two charges, payout, recourse, recourse paid. */
function seedEvents(connectionId = 'v1') {
  return [
    ledgerEvent(connectionId, 'a', { type: 'financed', date: '2025-01-31', amount: 1000_00 }),
    ledgerEvent(connectionId, 'b', { type: 'charge', date: '2025-01-31', amount: 9_00, net: 7_20, vat: 1_80, description: 'Fakturahantering: 10425' }),
    ledgerEvent(connectionId, 'c', { type: 'charge', date: '2025-01-31', amount: 19_50, net: 15_60, vat: 3_90, description: 'Fakturafinansiering (1.95%): 10425' }),
    ledgerEvent(connectionId, 'd', { type: 'payout', date: '2025-01-31', amount: 971_50, invoiceNumber: null }),
    ledgerEvent(connectionId, 'e', { type: 'recourse', date: '2025-03-15', amount: 1000_00 }),
    ledgerEvent(connectionId, 'f', { type: 'recourse-payment', date: '2025-03-27', amount: 1000_00 }),
  ];
}

describe('the factoring ledger', () => {
  it('orders a factoring day naturally and returns the balance to zero after the payout and after the recourse payment', async () => {
    const { db } = memoryCache();
    // Stored in an order unlike the day's: ids sort payout first.
    const events = seedEvents().map((event, n) => ({ ...event, id: `v1/${'zyxwvu'[n]}`, stream: 'events' as const, generation: 1 }));
    await db.events.bulkPut(events);
    const rows = await loadLedgerRows(db);
    expect(rows.map((row) => row.type)).toEqual(['financed', 'charge', 'charge', 'payout', 'recourse', 'recourse-payment']);
    const balances = rows.map((row) => row.balance);
    // The two charges of the day come in either order; after both, 971.50 is left to pay out.
    expect([balances[0], balances[2], balances[3], balances[4], balances[5]]).toEqual([1000_00, 971_50, 0, -1000_00, 0]);
  });

  it('keeps each connection and currency on its own balance, and leaves customer payments out of it', async () => {
    const { db } = memoryCache();
    await db.events.bulkPut(
      [
        ...seedEvents('v1'),
        ledgerEvent('v2', 'x', { type: 'financed', date: '2025-01-01', amount: 500_00, currency: 'EUR' }),
        ledgerEvent('v1', 'p', { type: 'payment', date: '2025-02-01', amount: 123_00 }),
      ].map((event) => ({ ...event, stream: 'events' as const, generation: 1 })),
    );
    const factoring = await loadLedgerRows(db);
    expect(factoring.find((row) => row.connectionId === 'v2')?.balance).toBe(500_00);
    expect(factoring.some((row) => row.type === 'payment')).toBe(false);

    const withPayments = await loadLedgerRows(db, [...factoringTypes, 'payment']);
    const payment = withPayments.find((row) => row.type === 'payment')!;
    expect(payment.balance).toBe(0);
    // Asking for payments only still computes the balance from the factoring events; the filter shows only payments.
    const paymentsOnly = await loadLedgerRows(db, ['payment']);
    expect(paymentsOnly.filter((row) => matchesLedgerFilter(row, { types: ['payment'] }))).toEqual([payment]);

    // At the end of February: Vettig's v1 is square (financed, charged, paid out), v2 is owed 500.00 EUR.
    expect(closingBalances(withPayments, { to: '2025-02-28' })).toEqual([
      { connectionId: 'v2', currency: 'EUR', date: '2025-01-01', balance: 500_00 },
      { connectionId: 'v1', currency: 'SEK', date: '2025-01-31', balance: 0 },
    ]);
    expect(closingBalances(withPayments, { to: '2025-03-20', connectionId: 'v1', types: ['charge'] })).toEqual([
      { connectionId: 'v1', currency: 'SEK', date: '2025-03-15', balance: -1000_00 },
    ]);
  });

  it('totals charges net, VAT and total per type and currency', () => {
    const rows = seedEvents().map((event) => ({ ...event, balance: 0 }));
    const [sek, ...others] = ledgerTotals(rows);
    expect(others).toEqual([]);
    expect(sek!.currency).toBe('SEK');
    expect(sek!.byType.map((total) => [total.type, total.count, total.amount, total.net, total.vat])).toEqual([
      ['financed', 1, 1000_00, null, null],
      ['charge', 2, 28_50, 22_80, 5_70],
      ['payout', 1, 971_50, null, null],
      ['recourse', 1, 1000_00, null, null],
      ['recourse-payment', 1, 1000_00, null, null],
    ]);
    expect(sek!.balanceChange).toBe(0);
  });

  it('filters and totals equal a plain reference computation, with a balance that does not depend on the filter', async () => {
    const types: LedgerEventType[] = [...factoringTypes, 'payment', 'settlement-allocation'];
    const eventArb = fc.record({
      ref: fc.uuid(),
      connection: fc.constantFrom('c1', 'c2'),
      type: fc.constantFrom(...types),
      day: fc.integer({ min: 1, max: 90 }),
      currency: fc.constantFrom('SEK', 'EUR'),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
    });
    const filterArb: fc.Arbitrary<LedgerFilter> = fc.record(
      {
        from: fc.constantFrom('2025-01-10', '2025-02-01'),
        to: fc.constantFrom('2025-02-15', '2025-03-31'),
        types: fc.subarray(types),
        connectionId: fc.constantFrom('c1', 'c2'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(eventArb, { selector: (e) => e.ref, maxLength: 40 }), filterArb, async (specs, filter) => {
        const { db } = memoryCache();
        const events = specs.map((spec) =>
          ledgerEvent(spec.connection, spec.ref, {
            type: spec.type,
            date: new Date(Date.UTC(2025, 0, spec.day)).toISOString().slice(0, 10),
            currency: spec.currency,
            amount: spec.amount,
            net: spec.type === 'charge' ? Math.floor(spec.amount * 0.8) : null,
            vat: spec.type === 'charge' ? spec.amount - Math.floor(spec.amount * 0.8) : null,
          }),
        );
        await db.events.bulkPut(events.map((event) => ({ ...event, stream: 'events' as const, generation: 1 })));
        const all = await loadLedgerRows(db, types);
        const got = all.filter((row) => matchesLedgerFilter(row, filter));

        const shown = filter.types && filter.types.length > 0 ? filter.types : factoringTypes;
        const expected = events.filter(
          (e) =>
            (!filter.from || e.date >= filter.from) &&
            (!filter.to || e.date <= filter.to) &&
            (!filter.connectionId || e.connectionId === filter.connectionId) &&
            (shown as readonly string[]).includes(e.type),
        );
        expect(got.map((row) => row.id).sort()).toEqual(expected.map((e) => e.id).sort());

        // Balance after each row: every factoring event of its connection and currency up to it.
        const sign: Record<string, number> = { financed: 1, charge: -1, payout: -1, recourse: -1, 'recourse-payment': 1 };
        for (let n = 0; n < all.length; n += 1) {
          const row = all[n]!;
          const before = all.slice(0, n + 1).filter((r) => r.connectionId === row.connectionId && r.currency === row.currency);
          expect(row.balance).toBe(before.reduce((sum, r) => sum + (sign[r.type] ?? 0) * r.amount, 0));
        }

        const totals = ledgerTotals(got);
        for (const currency of ['SEK', 'EUR']) {
          const inCurrency = expected.filter((e) => e.currency === currency);
          const group = totals.find((g) => g.currency === currency);
          if (inCurrency.length === 0) {
            expect(group).toBeUndefined();
            continue;
          }
          for (const type of types) {
            const ofType = inCurrency.filter((e) => e.type === type);
            const total = group!.byType.find((t) => t.type === type);
            if (ofType.length === 0) expect(total).toBeUndefined();
            else {
              expect(total!.amount).toBe(ofType.reduce((s, e) => s + e.amount, 0));
              expect(total!.count).toBe(ofType.length);
              if (type === 'charge') expect(total!.net! + total!.vat!).toBe(total!.amount);
            }
          }
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('finds the cached invoice behind the invoice number of an event, for the link to its detail', async () => {
    const { db } = memoryCache();
    await storeInvoices(
      db,
      [invoice('b', '10425'), invoice('a', '10425'), invoice('a', '10426')].map((row) => ({ ...row, stream: 'invoices' as const, generation: 1 })),
    );
    const ids = await invoiceIdsByNumber(db, ['10425', '10426', '99999', '10425']);
    expect([...ids]).toEqual(expect.arrayContaining([['10425', 'a/10425'], ['10426', 'a/10426']]));
    expect(ids.size).toBe(2);
    expect((await invoiceIdsByNumber(db, [])).size).toBe(0);
  });
});
