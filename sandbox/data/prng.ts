/**
 * Keyed pseudo-random numbers: every record draws from its own stream, derived from
 * (seed, salt, index), so record 99,999 can be generated without generating 0..99,998.
 */

/** Folds any number of integers into one well-mixed 32-bit value (murmur3 finaliser per step). */
export function mix32(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Seeds may exceed 32 bits; fold the high half in too so 2^32 + 1 and 1 differ.
    h = mixWord(mixWord(h, part >>> 0), Math.floor(part / 0x1_0000_0000) >>> 0);
  }
  return h >>> 0;
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

const hex8 = (value: number): string => value.toString(16).padStart(8, '0');

/** A version-4-shaped UUID that is a pure function of its key. */
export function uuidFor(...key: readonly number[]): string {
  const a = mix32(...key, 1);
  const b = mix32(...key, 2);
  const c = mix32(...key, 3);
  const d = mix32(...key, 4);
  const s = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  const variant = ((parseInt(s[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
