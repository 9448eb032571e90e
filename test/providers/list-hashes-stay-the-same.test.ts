import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listHash } from '../../src-main/providers/list-hash';

// Cached details carry the hash of the list entry they were read at: a hash that changed for the
// same entry would fetch every invoice's detail again at the next sync. The reference is the
// first implementation (a copy without the volatile keys, stringified, then createHash).
function reference(item: unknown, volatile: readonly string[] = []): string {
  const kept = volatile.length > 0 && item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).filter(([key]) => !volatile.includes(key))) : item;
  return createHash('sha256').update(JSON.stringify(kept) ?? 'undefined').digest('base64url').slice(0, 22);
}

describe('A list entry hashes to the same value as it always did', () => {
  const item = { invoiceGuid: '5f0c7a1e-2b1d-4c1a-9d7e-10425aaaaaaa', invoiceNumber: '10425', daysDue: 120, currencyCode: 'SEK', originalPrincipal: 1000, remainingSum: 1211.45, status: 14 };

  it('with and without volatile fields, which do not count', () => {
    expect(listHash(item, ['daysDue'])).toBe('q_P2g1aBywTtixwhV09KC5');
    expect(listHash({ ...item, daysDue: 121 }, ['daysDue'])).toBe('q_P2g1aBywTtixwhV09KC5');
    expect(listHash(item)).toBe('CXrKEsPqG74OMI35rwYSY3');
  });

  it('for odd entries: a __proto__ key, integer-like keys, nested volatile names, no object at all', () => {
    expect(listHash(JSON.parse('{"__proto__":{"x":1},"2":"b","daysDue":3,"1":"a","nested":{"daysDue":4}}'), ['daysDue'])).toBe('vSdXTUAR6zyWOtGYCaBzUK');
    expect(listHash(['daysDue'], ['daysDue'])).toBe('_Y-u0cn7sRxXp-7i-Rh4Ir');
    expect(listHash(null, ['daysDue'])).toBe('dCNOmK_nSY-12vHzasLXis');
    expect(listHash(undefined)).toBe('6wRdeNJzEHNIsDAMAdKbdV');
  });

  it('for entries whose volatile key is first, last, alone, or named inside a string', () => {
    const entries = [{ daysDue: 1, a: 2 }, { a: 2, daysDue: 1 }, { daysDue: 1 }, { a: '"daysDue":1,', daysDue: null, b: 'x","daysDue":2' }, { 'da"ysDue': 1, daysDue: 'q"' }];
    for (const entry of entries) expect(listHash(entry, ['daysDue', 'da"ysDue'])).toBe(reference(entry, ['daysDue', 'da"ysDue']));
  });

  it('for any JSON entry and any volatile keys', () => {
    const key = fc.oneof(fc.constantFrom('daysDue', 'a', '"', ':', ',', '__proto__', '1', 'daysDue":'), fc.string({ maxLength: 4 }));
    const entry = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    fc.assert(
      fc.property(entry, fc.array(key, { maxLength: 3 }), (value, volatile) => {
        expect(listHash(value, volatile)).toBe(reference(value, volatile));
      }),
      { numRuns: 3_000 },
    );
  });
});
