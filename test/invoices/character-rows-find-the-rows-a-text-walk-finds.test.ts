import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharacterRows } from '../../src-renderer/invoices/character-rows';
import { CompactInvoices, searchBlockRows } from '../../src-renderer/invoices/compact-invoices';
import { rowsWithWords, searchWords } from '../../src-renderer/invoices/compact-invoice-query';
import { toInvoiceRow, type InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from '../support/records';

const today = '2025-06-30';
// Letters outside ASCII and Latin-1 too (ő, Ł, a character of two code units), as customers' names hold them.
const customers = ['Åsa Öberg AB', 'Van der Berg B.V.', 'Mäkinen Oy', 'Müller & IJzerman', 'Łukasz Kőrösi', 'Café 🍰 Oy', 'vanvan'];

function generatedRows(count: number): InvoiceRow[] {
  return Array.from({ length: count }, (_, i) =>
    toInvoiceRow(invoice(`c${i % 3}`, String(100_000 + ((i * 7919) % count)), { customer: { name: `${customers[i % customers.length]} ${i % 300}`, number: null } }), today),
  );
}

const rows = generatedRows(2_000);
/** Uneven blocks, as the cache is read: a word can sit in any block, first row or last. */
function indexOfRows(): CompactInvoices {
  const index = new CompactInvoices(rows.slice(0, 1));
  for (const [from, to] of [[1, 700], [700, 701], [701, 1_500]] as const) index.append(rows.slice(from, to));
  return index;
}

const wordArb = fc.oneof(
  fc.constantFrom('1', '10', '104', '1042', '10425', 'ö', 'öb', 'öbe', 'ber', 'ő', 'ł', '🍰', 'café', 'van d', 'vanvan 2', 'ij', 'x', 'q', '.', '&', '7 1'),
  fc.integer({ min: 0, max: rows.length - 1 }).chain((i) => {
    const text = rows[i]!.searchText;
    return fc.integer({ min: 0, max: text.length - 1 }).chain((at) => fc.integer({ min: 1, max: 6 }).chain((length) => fc.constantFrom(text.slice(at, at + length), text.slice(at, at + length).toUpperCase())));
  }),
  // Made up from the characters the rows hold and a few they do not: digits, case, spaces, pairs no row holds.
  fc.string({ unit: fc.constantFrom(...'0123456789aAbBöÖőŁ .&v🍰x'), minLength: 1, maxLength: 6 }),
);

describe('character rows', () => {
  it('answer every search exactly as the walk over every row text does, read wholly, partly or not at all', () => {
    fc.assert(
      fc.property(fc.array(wordArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('none', 'cut', 'characters', 'all'), (texts, read) => {
        const index = indexOfRows();
        const characters = new CharacterRows(index);
        // 'cut': a deadline already past stops within the first block, which then still counts as unread.
        if (read !== 'none') characters.extend(read === 'all' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
        // 'characters': every block's characters read, the pairs only of the first rows.
        while (read === 'characters' && !characters.covers(index.searchBlocks.length - 1)) characters.extend(Number.NEGATIVE_INFINITY);
        // Rows appended after the reading started: their block is unread until read again.
        index.append(rows.slice(1_500));
        const words = searchWords(texts.join(' '));
        const expected = rowsWithWords(index, words, null);
        expect(rowsWithWords(index, words, null, characters)).toEqual(expected);
        characters.extend(Number.POSITIVE_INFINITY);
        expect(characters.complete).toBe(true);
        expect(rowsWithWords(index, words, null, characters)).toEqual(expected);
        expect([...expected].filter((hit, i) => hit !== (words.every((word) => rows[i]!.searchText.includes(word)) ? 1 : 0))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('narrow an earlier answer exactly as the walk does', () => {
    const index = indexOfRows();
    index.append(rows.slice(1_500));
    const characters = new CharacterRows(index);
    characters.extend(Number.POSITIVE_INFINITY);
    const among = rowsWithWords(index, searchWords('1'), null, characters);
    for (const text of ['10', '104', '1 oy', 'van 1', 'zzz', '1', 'ö 1']) {
      expect(rowsWithWords(index, searchWords(text), among, characters)).toEqual(rowsWithWords(index, searchWords(text), among));
    }
  });

  it('narrow the rows of one long append as they are read, a block of it at a time, before the rest are', () => {
    // The screen makes its index with one append of every row: a block of all of them was of no use until all were read.
    const many = generatedRows(2 * searchBlockRows + 100);
    const index = new CompactInvoices(many);
    expect(index.searchBlocks.map(({ first, end }) => [first, end])).toEqual([[0, searchBlockRows], [searchBlockRows, 2 * searchBlockRows], [2 * searchBlockRows, many.length]]);
    const characters = new CharacterRows(index);
    while (!characters.covers(0)) characters.extend(Number.NEGATIVE_INFINITY);
    expect(characters.covers(index.searchBlocks.length - 1)).toBe(false);
    for (const word of ['1', '10', 'öb', 'van', 'zz']) {
      expect(rowsWithWords(index, [word], null, characters)).toEqual(rowsWithWords(index, [word], null));
      expect([...rowsWithWords(index, [word], null)].filter((hit, i) => hit !== (many[i]!.searchText.includes(word) ? 1 : 0))).toEqual([]);
    }
  });

  it('read a block in slices, each ending at its deadline, to the same bits as one reading', () => {
    const index = indexOfRows();
    const sliced = new CharacterRows(index);
    let slices = 0;
    while (!sliced.complete) {
      sliced.extend(Number.NEGATIVE_INFINITY);
      slices++;
    }
    expect(slices).toBeGreaterThan(index.searchBlocks.length);
    for (const word of ['1', '10', '104', 'ö', 'öb', 'ő', '🍰', 'x', 'van']) {
      expect(rowsWithWords(index, [word], null, sliced)).toEqual(rowsWithWords(index, [word], null));
    }
  });
});
