/** Adds integer minor units; a sum that would stop being exact is an error, never a rounded total. */
export function addExact(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('A total is too large to hold exactly.');
  return sum;
}

/** Sums kept per currency, in the order currencies were first seen; amounts in different currencies never meet. */
export class CurrencySums<K extends string> {
  private readonly sums = new Map<string, Map<K, number>>();

  add(currency: string, key: K, minor: number): void {
    let byKey = this.sums.get(currency);
    if (!byKey) this.sums.set(currency, (byKey = new Map()));
    byKey.set(key, addExact(byKey.get(key) ?? 0, minor));
  }

  get(currency: string, key: K): number {
    return this.sums.get(currency)?.get(key) ?? 0;
  }

  has(currency: string, key: K): boolean {
    return this.sums.get(currency)?.has(key) ?? false;
  }

  /** Currencies alphabetically, so a file's totals come in the same order every time. */
  currencies(): string[] {
    return [...this.sums.keys()].sort();
  }
}
