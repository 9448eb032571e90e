import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import { ledgerKey, ledgerPlaces } from '../../src-shared/ledger/invoice-identity';
import { invoiceFacts } from '../support/invoice-facts';

/** Numbers that are one invoice written differently, ones that only look alike, and odd characters. */
const numberArb = fc.constantFrom('INV12', 'inv 12', ' Inv12\t', 'INV 12', '0123', '123', '12', 'ß1', 'SS1', 'ss1', 'A\u00a0B', 'AB', 'ab', '', ' ', 'É1', 'é1', 'x-1', 'X-1', '1 2 3');
const currencyArb = fc.constantFrom('SEK', 'sek', 'Sek', 'EUR', 'eur');

describe('ledger places', () => {
  it('give two invoices one place exactly when their ledger keys are the same, numbered in the order first seen', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(numberArb, currencyArb), { maxLength: 60 }), (pairs) => {
        const placeOf = ledgerPlaces();
        const places = pairs.map(([number, currency]) => placeOf(number, currency));
        const firstSeen: string[] = [];
        const expected = pairs.map(([number, currency]) => {
          const key = ledgerKey(number, currency);
          if (!firstSeen.includes(key)) firstSeen.push(key);
          return firstSeen.indexOf(key);
        });
        expect(places).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('join records into entries by their ledger keys, in the order each key is first seen', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(numberArb, currencyArb), { maxLength: 40 }), (pairs) => {
        const invoices = pairs.map(([number, currency], i) => invoiceFacts({ id: `c${i % 3}/r${i}`, provider: i % 2 ? 'aptic' : 'flowtly', number, currency }));
        const entries = joinLedger({ invoices, cases: [], financing: [] }, '2025-06-30');
        const keys: string[] = [];
        const idsByKey = new Map<string, string[]>();
        for (const facts of invoices) {
          const key = ledgerKey(facts.number, facts.currency);
          if (!idsByKey.has(key)) keys.push(key);
          idsByKey.set(key, [...(idsByKey.get(key) ?? []), facts.id]);
        }
        expect(entries.map((entry) => entry.key)).toEqual(keys);
        expect(entries.map((entry) => entry.sources.map((source) => source.recordId).sort())).toEqual(keys.map((key) => [...idsByKey.get(key)!].sort()));
      }),
      { numRuns: 300 },
    );
  });
});
