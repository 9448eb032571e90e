/*
 * A page's entries as the provider wrote them, where that text is exactly what JSON.stringify
 * gives for the parsed entry: then the list hash (list-hash.ts) hashes the text as it came off
 * the wire instead of writing each entry's JSON again (JSON.stringify was over half of what a
 * hash cost). Only text whose every token JSON.stringify writes the same way passes:
 * - the page has no backslash (JSON.stringify escapes only `"`, `\` and control characters, a
 *   provider may escape more) and no lone surrogate (JSON.stringify escapes those);
 * - an entry is a flat object (strings, numbers, true, false, null) with no whitespace;
 * - no key starts with a digit (JS lists integer-like keys first, not in the order sent), and no
 *   key is there twice (JSON.parse keeps the last; the entry's key count says);
 * - a number is 0, an integer of up to 15 digits, or up to 9 digits, a point and up to 6 more
 *   ending in a non-zero digit: at most 15 significant digits, so the double it reads as prints
 *   back as the same digits (no "-0", exponent, trailing zero or rounding).
 * Anything else, in any entry of the page or in the envelope around the list, and the page is
 * hashed from its parsed entries. A scan by hand: a regular expression of the same grammar took
 * longer than JSON.stringify.
 */

const quote = 0x22;
const comma = 0x2c;
const colon = 0x3a;
const minus = 0x2d;
const point = 0x2e;
const zero = 0x30;
const nine = 0x39;
const openObject = 0x7b;
const closeObject = 0x7d;
const openList = 0x5b;
const closeList = 0x5d;
const letterF = 0x66;
const letterN = 0x6e;
const letterT = 0x74;

const loneSurrogate = /\p{Cs}/u;

/**
 * The text of each entry of the envelope's array `listKey`, in order, when `page` (JSON text) is
 * an object written as described above and `entries` (that array as JSON.parse read it from
 * `page`) matches it entry for entry; else null.
 */
export function listEntryTexts(page: string, listKey: string, entries: readonly unknown[]): string[] | null {
  if (page.includes('\\') || loneSurrogate.test(page)) return null;
  const list = JSON.stringify(listKey);
  // The envelope up to the list: flat pairs only, so the list found is the envelope's own.
  const start = page.length - page.trimStart().length;
  let at = page.charCodeAt(start) === openObject ? start + 1 : -1;
  while (at !== -1 && !(page.startsWith(list, at) && page.charCodeAt(at + list.length) === colon && page.charCodeAt(at + list.length + 1) === openList)) {
    at = pairEnd(page, at);
    at = at !== -1 && page.charCodeAt(at) === comma ? at + 1 : -1;
  }
  if (at === -1) return null;
  at += list.length + 2;
  const texts: string[] = [];
  for (const entry of entries) {
    if (texts.length > 0) {
      if (page.charCodeAt(at) !== comma) return null;
      at += 1;
    }
    const end = entryEnd(page, at, entry);
    if (end === -1) return null;
    texts.push(page.slice(at, end));
    at = end;
  }
  if (page.charCodeAt(at) !== closeList) return null;
  // The envelope after the list: flat pairs only (a second list of the same name would be what JSON.parse keeps).
  for (at += 1; page.charCodeAt(at) === comma; ) at = pairEnd(page, at + 1);
  return page.charCodeAt(at) === closeObject && page.trimEnd().length === at + 1 ? texts : null;
}

/** Where the flat object at `at` ends, when it is written as described and has as many keys as `entry`; else -1. */
function entryEnd(page: string, at: number, entry: unknown): number {
  if (page.charCodeAt(at) !== openObject || entry === null || typeof entry !== 'object') return -1;
  const keys = Object.keys(entry).length;
  if (page.charCodeAt(at + 1) === closeObject) return keys === 0 ? at + 2 : -1;
  let pairs = 0;
  for (at += 1; ; at += 1) {
    at = pairEnd(page, at);
    pairs += 1;
    if (at === -1) return -1;
    const next = page.charCodeAt(at);
    if (next === closeObject) return pairs === keys ? at + 1 : -1;
    if (next !== comma) return -1;
  }
}

/** Where the pair `"key":value` at `at` ends (a key not starting with a digit, a flat value); else -1. */
function pairEnd(page: string, at: number): number {
  if (at === -1 || page.charCodeAt(at) !== quote || isDigit(page.charCodeAt(at + 1))) return -1;
  const keyEnd = stringEnd(page, at);
  return keyEnd === -1 || page.charCodeAt(keyEnd) !== colon ? -1 : valueEnd(page, keyEnd + 1);
}

/** By its first character: `true`, `false` and `null` are each looked for only where one could start. */
function valueEnd(page: string, at: number): number {
  switch (page.charCodeAt(at)) {
    case quote:
      return stringEnd(page, at);
    case letterT:
      return page.startsWith('true', at) ? at + 4 : -1;
    case letterF:
      return page.startsWith('false', at) ? at + 5 : -1;
    case letterN:
      return page.startsWith('null', at) ? at + 4 : -1;
    default:
      return numberEnd(page, at);
  }
}

/** Where the string opening at `at` ends (no backslash in the page: its next quote closes it); -1 if never. */
function stringEnd(page: string, at: number): number {
  const end = page.indexOf('"', at + 1);
  return end === -1 ? -1 : end + 1;
}

/** Where the number at `at` ends, when it is one JSON.stringify writes the same way (see above); else -1. */
function numberEnd(page: string, at: number): number {
  const negative = page.charCodeAt(at) === minus;
  const start = negative ? at + 1 : at;
  let end = start;
  while (isDigit(page.charCodeAt(end))) end += 1;
  const digits = end - start;
  const leadingZero = page.charCodeAt(start) === zero;
  if (digits === 0 || (leadingZero && digits > 1)) return -1;
  if (page.charCodeAt(end) !== point) return digits <= 15 && !(negative && leadingZero) ? end : -1;
  const fraction = end + 1;
  for (end = fraction; isDigit(page.charCodeAt(end)); ) end += 1;
  const decimals = end - fraction;
  return digits <= 9 && decimals >= 1 && decimals <= 6 && page.charCodeAt(end - 1) !== zero ? end : -1;
}

function isDigit(code: number): boolean {
  return code >= zero && code <= nine;
}
