import { describe, expect, it } from 'vitest';
import { listHash } from '../../src-main/providers/list-hash';

// Cached details carry the hash of the list entry they were read at: a hash that changed for the
// same entry would fetch every invoice's detail again at the next sync. These values were made by
// the first implementation (entries, filter, fromEntries, then createHash).
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
});
