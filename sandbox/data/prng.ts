/**
 * Keyed pseudo-random numbers: every record draws from its own stream, derived from
 * (seed, salt, index), so record 99,999 can be generated without generating 0..99,998.
 */

/** Folds any number of integers into one well-mixed 32-bit value (murmur3 finaliser per step). */
export function mix32(...parts: readonly number[]): number {
  return foldKey(parts) >>> 0;
}

/** mix32 before its final unsigned step, so a key shared by several draws is folded once. */
function foldKey(parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < parts.length; i += 1) h = foldPart(h, parts[i] ?? 0);
  return h;
}

function foldPart(h: number, part: number): number {
  // Seeds may exceed 32 bits; fold the high half in too so 2^32 + 1 and 1 differ.
  return mixWord(mixWord(h, part >>> 0), Math.floor(part / 0x1_0000_0000) >>> 0);
}

function mixWord(h: number, word: number): number {
  let m = Math.imul(h ^ word, 0x85ebca6b);
  m ^= m >>> 13;
  m = Math.imul(m, 0xc2b2ae35);
  return m ^ (m >>> 16);
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: tiny, fast and good enough for believable test data (not for secrets). A class
 * rather than closures: every generated invoice makes several, and a sandbox serving a million
 * invoices pays for each closure made per call.
 */
class Mulberry32 implements Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

export function randomFor(...key: readonly number[]): Random {
  return new Mulberry32(mix32(...key));
}

/** Distinct streams per kind of record, so adding a draw to one kind never shifts another. */
export const STREAM = {
  customer: 1,
  invoice: 2,
  guid: 3,
  eventId: 4,
  credentials: 5,
  faults: 6,
  caseDetails: 7,
} as const;

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The low 16 bits as four hex digits (a table of 256 stays in the cache; one of 65,536 did not). */
const hex4 = (value: number): string => `${HEX_BYTES[(value >>> 8) & 0xff] ?? ''}${HEX_BYTES[value & 0xff] ?? ''}`;

/** value.toString(16).padStart(8, '0') of an unsigned 32-bit value. */
export const hex8 = (value: number): string => `${hex4(value >>> 16)}${hex4(value)}`;

/** hex8 of the low 16 bits of the high word then the low word: the last 12 digits of a 48-bit value. */
export const hex12 = (high: number, low: number): string => `${hex4(high)}${hex4(low >>> 16)}${hex4(low)}`;

/**
 * The first 24 characters of a UUID from the words a, b and c: hex8(a), b's first four digits,
 * "4" and b's last three (its fifth digit dropped), c's first digit as the variant (8-b), c's next
 * three. Computed from the words, so no string is made only to be sliced.
 */
function uuidHead(a: number, b: number, c: number): string {
  return `${hex8(a)}-${hex4(b >>> 16)}-${hex4(0x4000 | (b & 0xfff))}-${hex4(0x8000 | ((c >>> 16) & 0x3fff))}-`;
}

// The words are mix32(...key, n) for n = 1..4, the key folded once.
const word = (folded: number, n: number): number => foldPart(folded, n) >>> 0;

/** The first 24 characters of uuidFor(...key): Aptic's GUIDs end in their own index instead. */
export function uuidHeadFor(...key: readonly number[]): string {
  const h = foldKey(key);
  return uuidHead(word(h, 1), word(h, 2), word(h, 3));
}

/** A version-4-shaped UUID that is a pure function of its key. */
export function uuidFor(...key: readonly number[]): string {
  const h = foldKey(key);
  const c = word(h, 3);
  return `${uuidHead(word(h, 1), word(h, 2), c)}${hex4(c)}${hex8(word(h, 4))}`;
}
