import { addMinor } from './exact-sum';

/**
 * Named exact sums kept per currency: amounts in different currencies never meet. The
 * statements' and lists' per-currency totals are built on this table; the ledger's own figures
 * (invoice totals and ageing) on `LedgerSums` (src-renderer/queries/ledger-sums.ts), which adds
 * the same way with fixed fields, for speed.
 */
export class CurrencySums<K extends string> {
  private readonly sums = new Map<string, Map<K, number>>();

  add(currency: string, key: K, minor: number): void {
    let byKey = this.sums.get(currency);
    if (!byKey) this.sums.set(currency, (byKey = new Map()));
    byKey.set(key, addMinor(byKey.get(key) ?? 0, minor));
  }

  get(currency: string, key: K): number {
    return this.sums.get(currency)?.get(key) ?? 0;
  }

  /** Whether anything was added under the key, so a sum of nothing can stay apart from a sum of zero. */
  has(currency: string, key: K): boolean {
    return this.sums.get(currency)?.has(key) ?? false;
  }

  /** Currencies alphabetically, so totals come in the same order every time. */
  currencies(): string[] {
    return [...this.sums.keys()].sort();
  }

  /** One record per currency, alphabetically, made from that currency's sums. */
  map<T>(make: (currency: string, sum: (key: K) => number) => T): T[] {
    return this.currencies().map((currency) => make(currency, (key) => this.get(currency, key)));
  }
}
