import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, encodeCursors } from '../../src-main/providers/sync-cursor';
import { apticVatRequestSchema } from '../../src-main/providers/aptic/vat-lines';

// A page's detail requests are encoded together (one buffer); each must be what encoding it
// alone gives, as the cache keeps them and main decodes them on a later call.
describe('A page of detail requests encodes as each request alone', () => {
  const request = { guid: 'cc3fe41e-1070-49ac-b942-45ae4255688b', number: '10425', currency: 'SEK', invoiceDate: '2025-01-31', financeStatus: 0, purchased: false };

  it('for ASCII, other letters, emoji, escapes and lone surrogates, alone or mixed', () => {
    const odd = [request, { ...request, number: 'Å-10425' }, { ...request, number: '🧾' }, { ...request, number: 'a"b\\c\n' }, { ...request, number: '\ud800' }, { ...request, number: '' }, {}];
    for (const states of [[], [request], odd, odd.slice(0, 1).concat(odd.slice(4)), Array.from({ length: 1000 }, (_, n) => ({ ...request, number: String(n) }))]) {
      expect(encodeCursors(states)).toEqual(states.map((state) => encodeCursor(state)));
    }
    expect(encodeCursors([request]).map((text) => decodeCursor(text, apticVatRequestSchema, 'invoices'))).toEqual([request]);
  });

  it('for any objects', () => {
    const property = fc.property(fc.array(fc.object()), (states) => {
      expect(encodeCursors(states)).toEqual(states.map((state) => encodeCursor(state)));
    });
    fc.assert(property, { numRuns: 500 });
  });
});
