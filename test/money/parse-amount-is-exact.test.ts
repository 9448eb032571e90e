import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumMinor } from '../../src-shared/money/exact-sum';
import { formatMinorUnits } from '../../src-shared/money/money';
import { AmountError, parseMinorUnits } from '../../src-shared/money/parse-amount';

const at = { record: 'Vettig event 2be907e0', field: 'amount' };

describe('parseMinorUnits', () => {
  it('reads the seed amounts exactly', () => {
    expect(parseMinorUnits(19.5, 'SEK', at)).toBe(1950);
    expect(parseMinorUnits(971.5, 'SEK', at)).toBe(97150);
    expect(parseMinorUnits(7.2, 'SEK', at)).toBe(720);
    expect(parseMinorUnits(1.8, 'SEK', at)).toBe(180);
    expect(parseMinorUnits('12.50', 'EUR', at)).toBe(1250);
    expect(parseMinorUnits('12,50', 'EUR', at)).toBe(1250);
    expect(parseMinorUnits(1000, 'SEK', at)).toBe(100000);
    expect(parseMinorUnits('-0.01', 'EUR', at)).toBe(-1);
    expect(parseMinorUnits('-0', 'EUR', at)).toBe(0);
    expect(parseMinorUnits(0.1, 'EUR', at)).toBe(10);
    expect(parseMinorUnits(1e-7 * 0, 'EUR', at)).toBe(0);
  });

  it('sums the seed charges to the payout without float drift', () => {
    const financed = parseMinorUnits(1000, 'SEK', at);
    const charges = [9, 19.5].map((amount) => parseMinorUnits(amount, 'SEK', at));
    expect(financed - sumMinor(charges)).toBe(parseMinorUnits(971.5, 'SEK', at));
  });

  it('honours the currency minor unit', () => {
    expect(parseMinorUnits('1234', 'JPY', at)).toBe(1234);
    expect(parseMinorUnits('1.234', 'KWD', at)).toBe(1234);
    expect(parseMinorUnits('12.500', 'EUR', at)).toBe(1250);
  });

  it.each([
    [Number.NaN, /NaN is not an amount/],
    [Number.POSITIVE_INFINITY, /Infinity is not an amount/],
    [Number.NEGATIVE_INFINITY, /-Infinity is not an amount/],
    ['12.505', /more decimals than EUR allows \(2\)/],
    [12.345, /more decimals than EUR allows/],
    ['', /empty/],
    ['1.234,5', /not a decimal amount/],
    ['12 EUR', /not a decimal amount/],
    ['0x10', /not a decimal amount/],
    [null, /expected a number or a decimal string, got null/],
    [true, /got boolean/],
    ['99999999999999999999', /too large/],
    [1e-7, /more decimals/],
  ])('rejects %s naming the record', (value, reason) => {
    expect(() => parseMinorUnits(value, 'EUR', at)).toThrow(AmountError);
    expect(() => parseMinorUnits(value, 'EUR', at)).toThrow(/^Vettig event 2be907e0, field amount: /);
    expect(() => parseMinorUnits(value, 'EUR', at)).toThrow(reason);
  });

  it('rejects a currency that is not an ISO code', () => {
    expect(() => parseMinorUnits(1, 'kr', at)).toThrow(/not an ISO 4217 currency code/);
  });

  it('round-trips any whole number of cents through text with either separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom('.', ','), (minor, separator: '.' | ',') => {
        const text = formatMinorUnits(minor, 'EUR', separator);
        expect(parseMinorUnits(text, 'EUR', at)).toBe(minor);
      }),
    );
  });

  it('reads a float the way it prints, for any amount with at most two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        const asFloat = Number(formatMinorUnits(minor, 'SEK'));
        expect(parseMinorUnits(asFloat, 'SEK', at)).toBe(minor);
      }),
    );
  });

  it('reads a whole number exactly as its text, up to where it is too large to hold', () => {
    const whole = fc.oneof(fc.integer(), fc.constantFrom(0, -0, 2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 53, 90_071_992_547_409, 90_071_992_547_410, 1e21, -1e21), fc.double({ noNaN: true, noDefaultInfinity: true }).map(Math.trunc));
    fc.assert(
      fc.property(whole, fc.constantFrom('JPY', 'SEK', 'KWD'), (value, currency) => {
        const read = (amount: number | string) => {
          try {
            return parseMinorUnits(amount, currency, at);
          } catch (error) {
            return error instanceof AmountError ? 'refused' : error;
          }
        };
        expect(read(value)).toBe(read(BigInt(value).toString()));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never accepts a value with a third significant decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 9 }), (cents, extra) => {
        const text = `${formatMinorUnits(cents, 'EUR')}${extra}`;
        expect(() => parseMinorUnits(text, 'EUR', at)).toThrow(AmountError);
      }),
    );
  });

  it('formats without division', () => {
    expect(formatMinorUnits(97150, 'SEK')).toBe('971.50');
    expect(formatMinorUnits(-5, 'EUR', ',')).toBe('-0,05');
    expect(formatMinorUnits(1234, 'JPY')).toBe('1234');
    expect(formatMinorUnits(1234, 'KWD')).toBe('1.234');
  });
});
