import { describe, expect, it } from 'vitest';
import { formatRate, intlLocale } from '../../src-renderer/format/use-format';

describe('a VAT rate in basis points', () => {
  it.each([
    ['en', 2500, '25\u00a0%'],
    ['sv', 2550, '25,5\u00a0%'],
    ['nl', 900, '9\u00a0%'],
    ['fi', 1400, '14\u00a0%'],
    ['fi', 0, '0\u00a0%'],
  ])('reads in %s: %i → %s', (language, basisPoints, shown) => {
    expect(formatRate(intlLocale(language), basisPoints)).toBe(shown);
  });
});
