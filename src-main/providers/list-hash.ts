import { createHash } from 'node:crypto';

/**
 * The content hash of one raw list entry as the provider sent it (its JSON, keys in the order
 * sent), leaving out `volatile` fields that change without the record changing (a count of days
 * past due moves every day): equal hashes mean the entry is unchanged, so a detail read at that
 * hash still holds. 128 bits of SHA-256, base64url.
 */
export function listHash(item: unknown, volatile: readonly string[] = []): string {
  const kept = volatile.length > 0 && item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).filter(([key]) => !volatile.includes(key))) : item;
  return createHash('sha256').update(JSON.stringify(kept) ?? 'undefined').digest('base64url').slice(0, 22);
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
