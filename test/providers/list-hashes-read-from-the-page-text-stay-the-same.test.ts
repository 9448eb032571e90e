import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listHash, listHashesByRef } from '../../src-main/providers/list-hash';
import { listEntryTexts } from '../../src-main/providers/list-entry-texts';

// A page's entries are hashed from the page's text where it is written as JSON.stringify would
// write them. Whatever the text, each hash must be the one its parsed entry always had.
const ref = (item: unknown) => (item !== null && typeof item === 'object' && 'id' in item ? String((item as { id: unknown }).id) : null);
const fromParsed = (items: readonly unknown[], volatile: readonly string[]) => new Map(items.flatMap((item) => (ref(item) === null ? [] : [[ref(item)!, listHash(item, volatile)] as const])));

/** JSON of `value`, each token written, one time in `1 / odd`, another way JSON allows than JSON.stringify's. */
function writeAnyWay(value: unknown, random: () => number, odd: number): string {
  const space = () => (random() < odd ? ' ' : '');
  if (typeof value === 'string') {
    if (random() >= odd) return JSON.stringify(value);
    return `"${[...value].map((char) => (random() < 0.5 ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(char).slice(1, -1))).join('')}"`;
  }
  if (typeof value === 'number') {
    const plain = JSON.stringify(value);
    const longer = plain.includes('e') ? plain.replace('e', '0e') : plain.includes('.') ? `${plain}0` : `${plain}.0`;
    const forms = [plain, value.toExponential(), longer, Object.is(value, 0) ? '-0' : plain];
    return random() >= odd ? forms[0]! : forms[Math.floor(random() * forms.length)]!;
  }
  if (Array.isArray(value)) return `[${space()}${value.map((item) => writeAnyWay(item, random, odd)).join(`,${space()}`)}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const pairs = entries.map(([key, item]) => `${writeAnyWay(key, random, odd)}${space()}:${space()}${writeAnyWay(item, random, odd)}`);
    // A key twice: JSON.parse keeps the last.
    if (entries.length > 0 && random() < odd) pairs.unshift(`${JSON.stringify(entries[entries.length - 1]![0])}:1`);
    return `{${space()}${pairs.join(`,${space()}`)}${space()}}`;
  }
  return JSON.stringify(value);
}

const item = { invoiceGuid: '5f0c7a1e-2b1d-4c1a-9d7e-10425aaaaaaa', invoiceNumber: '10425', daysDue: 120, currencyCode: 'SEK', originalPrincipal: 1000, remainingSum: 1211.45, status: 14 };
const aptic = (items: readonly unknown[]) => listHashesByRef(items, (entry) => (entry as { invoiceGuid: string }).invoiceGuid, ['daysDue'], { text: JSON.stringify({ count: items.length, skip: 0, total: 9, value: items }), listKey: 'value' });

describe('A list entry hashed from the page text hashes as it always did', () => {
  it('for an Aptic page as the provider writes it, read from the text', () => {
    const page = JSON.stringify({ count: 2, skip: 0, total: 9, value: [item, { ...item, invoiceGuid: 'b', customerName: 'Åkesson Trädgård AB', daysDue: -3 }] });
    expect(listEntryTexts(page, 'value', (JSON.parse(page) as { value: unknown[] }).value)).toHaveLength(2);
    expect(aptic([item]).get(item.invoiceGuid)).toBe('q_P2g1aBywTtixwhV09KC5');
    expect(aptic([{ ...item, daysDue: 121 }]).get(item.invoiceGuid)).toBe('q_P2g1aBywTtixwhV09KC5');
  });

  it('reads no text it cannot vouch for: escapes, spaces, odd numbers, digit keys, nesting, a key twice', () => {
    const pages = [
      '{"value":[{"a":"\\u00e5"}]}',
      '{"value":[{"a": 1}]}',
      '{"value":[{"a":1.50}]}',
      '{"value":[{"a":1e3}]}',
      '{"value":[{"a":-0}]}',
      '{"value":[{"a":1234567890123456}]}',
      '{"value":[{"a":0.0000001}]}',
      '{"value":[{"1":1,"a":2}]}',
      '{"value":[{"a":{"b":1}}]}',
      '{"value":[{"a":1,"a":2}]}',
      '{"value":[{"a":1}],"value":[{"a":2}]}',
      '{"meta":{"value":[]},"value":[{"a":1}]}',
      '{ "value":[{"a":1}]}',
      '{"value":[{"a":1},{"a":"\\u00e5"}]}',
      '{"value":[{"a":"\ud800"}]}',
    ];
    for (const page of pages) expect(listEntryTexts(page, 'value', (JSON.parse(page) as { value: unknown[] }).value), page).toBeNull();
    expect(listEntryTexts('{"total":1,"value":[{"a":-0.5,"b":999999999.000001,"c":null,"d":true,"":"x"},{}],"skip":0}', 'value', [{ a: -0.5, b: 999999999.000001, c: null, d: true, '': 'x' }, {}])).toHaveLength(2);
  });

  it('for any page text and any volatile keys', () => {
    // Mostly what a provider sends, now and then what only the parsed entry can say.
    const key = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('daysDue', 'id', 'a', 'b', 'åäö', '__proto__', ':', ',', '/') },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom('"', '1', '0a', '\\', 'daysDue":'), fc.string({ maxLength: 4, unit: 'binary' })) },
    );
    const scalar = fc.oneof(
      { weight: 20, arbitrary: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constantFrom(0.1, 1211.45, -0.5, 0.000001, 123456789012345, true, false, null)) },
      { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 6, unit: 'binary' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1e21, 1e-7, 1234567890123456)) },
    );
    const value = fc.oneof({ weight: 20, arbitrary: scalar }, { weight: 1, arbitrary: fc.dictionary(key, scalar, { maxKeys: 2 }) });
    const entry = fc.record({ id: fc.string({ maxLength: 3 }), rest: fc.dictionary(key, value, { maxKeys: 6 }) }).map(({ id, rest }) => ({ id, ...rest }));
    let readFromText = 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.array(key, { maxLength: 2 }), fc.boolean(), fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), (entries, volatile, plain, draws) => {
        // Half the pages as JSON.stringify writes them, half with a token in 20 written otherwise.
        const text = writeAnyWay({ total: entries.length, value: entries, after: 1 }, () => (draws.next().value as number | undefined) ?? 0, plain ? 0 : 0.05);
        const parsed = JSON.parse(text) as { value: unknown[] };
        const items = Array.isArray(parsed.value) ? parsed.value : [];
        if (listEntryTexts(text, 'value', items) !== null) readFromText += 1;
        expect(listHashesByRef(items, ref, volatile, { text, listKey: 'value' })).toEqual(fromParsed(items, volatile));
      }),
      { numRuns: 3_000 },
    );
    // The runs must try the text, not only the parsed entries.
    expect(readFromText).toBeGreaterThan(300);
  });
});
