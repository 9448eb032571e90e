/**
 * Sums of integer minor units. Past Number.MAX_SAFE_INTEGER a float sum silently rounds, so a
 * total that would leave the exact range is an error, never a slightly wrong figure.
 */
export function addMinor(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('A total is too large to hold exactly.');
  return sum;
}

export function sumMinor(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total = addMinor(total, value);
  return total;
}
