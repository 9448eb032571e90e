/**
 * One copy of each repeated string. A record read from IndexedDB brings its own copy of every
 * string (structured clone makes a new one per record), so 1,000,000 invoices held as rows would
 * keep a million copies of "SEK", of each connection id, each customer's name and each due date:
 * ~30 bytes apiece, a few hundred MB at a million. A pool lives for one load, so what the cache
 * no longer holds is not kept. The last value is compared first (a few bytes compared, no
 * hashing), as consecutive lookups often repeat it.
 */
export function stringPool(): <T extends string | null | undefined>(value: T) => T {
  const held = new Map<string, string>();
  let last = '';
  return (value) => {
    if (typeof value !== 'string') return value;
    if (value === last) return last as typeof value;
    let known = held.get(value);
    if (known === undefined) held.set(value, (known = value));
    last = known;
    return known as typeof value;
  };
}
