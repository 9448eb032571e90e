import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedPointOfText, parseFixedPoint } from '../../src-shared/money/parse-amount';

const at = { record: 'Aptic invoice 10425', field: 'remainingSum' };

/** What the text reading gives for `value`: its count, or the message of its error. */
const outcome = (read: () => number): number | string => {
  try {
    return read();
  } catch (error) {
    return (error as Error).message;
  }
};

const same = (value: number, digits: number) =>
  expect(outcome(() => parseFixedPoint(value, digits, at, 'SEK')), `${value} to ${digits} decimals`).toEqual(outcome(() => fixedPointOfText(value, digits, at, 'SEK')));

// parseFixedPoint reads a number with a fraction by rounding it, and only where that reading is
// the text's: every number, read either way, gives the same count or the same error.
describe('A number with a fraction reads as its decimal text reads', () => {
  it('on the odd ones: halves, drift, tiny, negative, near the bound, too many decimals', () => {
    const odd = [0.1, 0.2, 0.1 + 0.2, 0.3, 0.5, -0.5, 0.005, -0.005, 0.015, 1.005, 2.675, 19.5, 971.5, 1211.45, -1211.45, 0.01, -0.01, 0.001, 1e-7, -1e-7, 5e-324, 999_999_999_999.99, 999_999_999_999.995, 1e12 - 0.5, 1e12 + 0.5, 4_503_599_627_370_495.5, 123_456.789, 123_456.7891, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.EPSILON];
    for (const digits of [0, 1, 2, 3, 4]) for (const value of odd) same(value, digits);
  });

  it('on decimals of up to six places and any double', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 })).map(([count, places]) => count / 10 ** places);
    const property = fc.property(fc.oneof(decimal, fc.double()), fc.integer({ min: 0, max: 4 }), (value, digits) => {
      same(value, digits);
    });
    fc.assert(property, { numRuns: 5_000 });
  });
});
