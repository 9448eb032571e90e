import { describe, expect, it } from 'vitest';
import { SeenTexts } from '../../src-renderer/sync/seen-texts';

/** Strings as providers name records: GUIDs, counters, and near neighbours differing in one character. */
function references(count: number): string[] {
  const texts: string[] = [];
  for (let n = 0; texts.length < count; n++) {
    const hex = n.toString(16).padStart(12, '0');
    texts.push(`3f2504e0-4f89-11d3-9a0c-${hex}`, String(n), `${n}/row`, '');
  }
  return [...new Set(texts)].slice(0, count);
}

describe('a set of fingerprints', () => {
  it('says each of 200,000 different strings is new the first time and seen after', () => {
    const seen = new SeenTexts();
    const texts = references(200_000);
    expect(texts.filter((text) => seen.add(text))).toHaveLength(texts.length);
    expect(seen.size).toBe(texts.length);
    expect(texts.filter((text) => seen.add(text))).toHaveLength(0);
    expect(seen.size).toBe(texts.length);
  });

  it('tells strings apart that hold the same characters in another order', () => {
    const seen = new SeenTexts();
    expect(['ab', 'ba', 'a', 'b', 'aab', 'aba', 'baa'].map((text) => seen.add(text))).toEqual([true, true, true, true, true, true, true]);
    expect(seen.add('ab')).toBe(false);
  });
});
