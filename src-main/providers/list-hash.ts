import { hash } from 'node:crypto';

/**
 * The content hash of one raw list entry as the provider sent it (its JSON, keys in the order
 * sent), leaving out `volatile` fields that change without the record changing (a count of days
 * past due moves every day): equal hashes mean the entry is unchanged, so a detail read at that
 * hash still holds. 128 bits of SHA-256, base64url. Cached details carry it, so its value for a
 * given entry must never change (pinned in test/providers/list-hashes-stay-the-same.test.ts).
 */
export function listHash(item: unknown, volatile: readonly string[] = []): string {
  const kept = volatile.length > 0 && item !== null && typeof item === 'object' && !Array.isArray(item) ? without(item as Record<string, unknown>, volatile) : item;
  return hash('sha256', JSON.stringify(kept) ?? 'undefined', 'base64url').slice(0, 22);
}

/**
 * The entry without the `volatile` keys, the others in their order. Built key by key: on a page
 * of invoices this is most of the hash's time when done with entries, filter and fromEntries.
 * A `__proto__` key the provider sent is defined as a key, as fromEntries does, not set as the
 * prototype (an object without a prototype would be a slow dictionary to stringify).
 */
function without(item: Record<string, unknown>, volatile: readonly string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    if (volatile.includes(key)) continue;
    if (key === '__proto__') Object.defineProperty(kept, key, { value: item[key], enumerable: true, writable: true, configurable: true });
    else kept[key] = item[key];
  }
  return kept;
}

/** The hash of each list entry by its ref (`refOf`, as the page's reader names its records). */
export function listHashesByRef(items: readonly unknown[], refOf: (item: unknown) => string | null, volatile: readonly string[] = []): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const item of items) {
    const ref = refOf(item);
    if (ref !== null) hashes.set(ref, listHash(item, volatile));
  }
  return hashes;
}
