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

/** Character codes of the hex digits 0-f. */
const HEX = Array.from({ length: 16 }, (_, digit) => digit.toString(16).charCodeAt(0));

/** The hex digit of `value` that starts at bit `shift` (its four bits). */
const nibble = (value: number, shift: number): number => HEX[(value >>> shift) & 0xf] ?? 0;

const DASH = 45;
const FOUR = 52;

/**
 * A version-4-shaped UUID from the words a, b and c and a 48-bit tail (its top 16 bits, then its
 * low 32): hex8(a), b's first four digits, "4" and b's last three (its fifth digit dropped), the
 * variant (8-b, from c's first digit) and c's next three, then the tail. One fromCharCode makes
 * it flat in one step: templates of hex pieces were ~3.5x slower (a string per piece), and a
 * page of 100 Aptic invoices writes ~170 of these.
 */
function uuidText(a: number, b: number, c: number, tailHigh: number, tailLow: number): string {
  return String.fromCharCode(
    nibble(a, 28), nibble(a, 24), nibble(a, 20), nibble(a, 16), nibble(a, 12), nibble(a, 8), nibble(a, 4), nibble(a, 0), DASH,
    nibble(b, 28), nibble(b, 24), nibble(b, 20), nibble(b, 16), DASH,
    FOUR, nibble(b, 8), nibble(b, 4), nibble(b, 0), DASH,
    HEX[8 | ((c >>> 28) & 0x3)] ?? 0, nibble(c, 24), nibble(c, 20), nibble(c, 16), DASH,
    nibble(tailHigh, 12), nibble(tailHigh, 8), nibble(tailHigh, 4), nibble(tailHigh, 0),
    nibble(tailLow, 28), nibble(tailLow, 24), nibble(tailLow, 20), nibble(tailLow, 16), nibble(tailLow, 12), nibble(tailLow, 8), nibble(tailLow, 4), nibble(tailLow, 0),
  );
}

// The words are mix32(...key, n) for n = 1..4, the key folded once.
const word = (folded: number, n: number): number => foldPart(folded, n) >>> 0;

/** uuidFor(...key) with its last 12 digits replaced by a 48-bit tail: Aptic's GUIDs end in their own index. */
export function uuidEndingIn(tailHigh: number, tailLow: number, ...key: readonly number[]): string {
  const h = foldKey(key);
  return uuidText(word(h, 1), word(h, 2), word(h, 3), tailHigh, tailLow);
}

/** A version-4-shaped UUID that is a pure function of its key. */
export function uuidFor(...key: readonly number[]): string {
  const h = foldKey(key);
  const c = word(h, 3);
  return uuidText(word(h, 1), word(h, 2), c, c & 0xffff, word(h, 4));
}
