import { hash } from 'node:crypto';
import { listEntryTexts } from './list-entry-texts';

/**
 * The content hash of one raw list entry as the provider sent it (its JSON, keys in the order
 * sent), leaving out `volatile` fields that change without the record changing (a count of days
 * past due moves every day): equal hashes mean the entry is unchanged, so a detail read at that
 * hash still holds. 128 bits of SHA-256, base64url. Cached details carry it, so its value for a
 * given entry must never change (test/providers/list-hashes-stay-the-same.test.ts).
 */
export function listHash(item: unknown, volatile: readonly string[] = []): string {
  return hashOf(jsonWithout(item, volatile) ?? 'undefined');
}

function hashOf(json: string): string {
  return hash('sha256', json, 'base64url').slice(0, 22);
}

/**
 * JSON.stringify of the entry without its `volatile` keys. A flat entry (every value a string,
 * number, boolean or null) is written once and each volatile key cut out of the text with its
 * comma: JSON.stringify puts no space between tokens, so a quote right after `{` or `,` opens a
 * key (a quote inside a string is escaped, one opening a value follows a colon), and keys are
 * unique. Copying the entry without them first was half of what hashing a page cost. Other
 * entries are copied.
 */
function jsonWithout(item: unknown, volatile: readonly string[]): string | undefined {
  if (volatile.length === 0 || item === null || typeof item !== 'object' || Array.isArray(item)) return JSON.stringify(item);
  const entry = item as Record<string, unknown>;
  const present = volatile.filter((key) => Object.hasOwn(entry, key));
  if (present.length === 0) return JSON.stringify(entry);
  if (!isFlat(entry)) return JSON.stringify(without(entry, volatile));
  return cutKeys(JSON.stringify(entry), entry, present) ?? JSON.stringify(without(entry, volatile));
}

/**
 * `json` (a flat entry's JSON as JSON.stringify writes it) without the keys `present`, each cut
 * out with its comma; null when one is not found as a key.
 */
function cutKeys(json: string, entry: Record<string, unknown>, present: readonly string[]): string | null {
  for (const key of present) {
    const name = `${JSON.stringify(key)}:`;
    const first = json.startsWith(name, 1);
    const at = first ? 1 : json.indexOf(`,${name}`) + 1;
    if (at === 0) return null;
    const end = at + name.length + JSON.stringify(entry[key]).length;
    json = first ? json.slice(0, 1) + json.slice(json[end] === ',' ? end + 1 : end) : json.slice(0, at - 1) + json.slice(end);
  }
  return json;
}

function isFlat(entry: Record<string, unknown>): boolean {
  for (const key of Object.keys(entry)) {
    const value = entry[key];
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
  }
  return true;
}

/**
 * The entry without the `volatile` keys, the others in their order. A `__proto__` key the provider
 * sent is defined as a key, not set as the prototype.
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

/**
 * The hash of each list entry by its ref (`refOf`, as the page's reader names its records).
 * Given the page's text and the name of its list (`page`), entries written there as
 * JSON.stringify would write them are hashed from that text (list-entry-texts.ts): the same
 * values, without writing each entry's JSON again.
 */
export function listHashesByRef(
  items: readonly unknown[],
  refOf: (item: unknown) => string | null,
  volatile: readonly string[] = [],
  page?: { text: string; listKey: string },
): Map<string, string> {
  const texts = page ? listEntryTexts(page.text, page.listKey, items) : null;
  const hashes = new Map<string, string>();
  items.forEach((item, at) => {
    const ref = refOf(item);
    if (ref === null) return;
    const json = texts ? textWithout(texts[at]!, item as Record<string, unknown>, volatile) : null;
    hashes.set(ref, json === null ? listHash(item, volatile) : hashOf(json));
  });
  return hashes;
}

/** An entry's text without its `volatile` keys; null when one cannot be cut. */
function textWithout(text: string, entry: Record<string, unknown>, volatile: readonly string[]): string | null {
  const present = volatile.filter((key) => Object.hasOwn(entry, key));
  return present.length === 0 ? text : cutKeys(text, entry, present);
}
