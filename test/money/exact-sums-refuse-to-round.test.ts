import { describe, expect, it } from 'vitest';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import { addMinor, sumMinor } from '../../src-shared/money/exact-sum';

describe('exact sums of minor units', () => {
  it('adds exactly up to the largest safe integer and refuses to go past it', () => {
    expect(addMinor(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => addMinor(-Number.MAX_SAFE_INTEGER, -1)).toThrow(RangeError);
    expect(sumMinor([100000, -2500, -350])).toBe(97150);
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 2, -5])).toThrow(/too large to hold exactly/);
  });

  it('keeps currencies apart, lists them alphabetically and tells an empty sum from a zero one', () => {
    const sums = new CurrencySums<'amount' | 'vat'>();
    sums.add('SEK', 'amount', 1000);
    sums.add('EUR', 'amount', 250);
    sums.add('SEK', 'amount', -400);
    sums.add('SEK', 'vat', 0);
    expect(sums.currencies()).toEqual(['EUR', 'SEK']);
    expect(sums.get('SEK', 'amount')).toBe(600);
    expect(sums.get('EUR', 'vat')).toBe(0);
    expect(sums.has('SEK', 'vat')).toBe(true);
    expect(sums.has('EUR', 'vat')).toBe(false);
    expect(sums.map((currency, sum) => `${currency} ${sum('amount')}`)).toEqual(['EUR 250', 'SEK 600']);
    expect(() => sums.add('SEK', 'amount', Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });
});
