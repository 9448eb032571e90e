/**
 * A set of strings that keeps a 64-bit fingerprint of each instead of the string: two 32-bit
 * hashes in two typed arrays, open addressing. A walk of 1,000,000 invoices kept 77 MB of its
 * references in a `Set`, and adding to it got slower as it grew (~2 µs a reference at the end in
 * Node, more in the renderer under its heap); this holds 16 MB outside the JS heap, which the
 * collector never walks.
 *
 * Two different strings can share a fingerprint, so `add` can answer "seen" for a new one: among
 * n strings, with a chance of about n / 2^64 (a million: 5 × 10^-14). Only where that is an
 * acceptable answer: the repeated-page check ends a walk only when every record of a page was seen,
 * and a page main found unchanged is read again when any of its records was (sync/unchanged-pages.ts).
 */
export class SeenTexts {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `text`; whether it was new (as far as its fingerprint tells). */
  add(text: string): boolean {
    const [a, b] = fingerprint(text);
    if (!this.put(a, b)) return false;
    if (++this.count * 2 > this.high.length) this.grow();
    return true;
  }

  /** Whether `text` was added (or a string of the same fingerprint). */
  has(text: string): boolean {
    const [a, b] = fingerprint(text);
    const mask = this.high.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const held = this.low[slot]!;
      if (held === 0) return false;
      if (held === b && this.high[slot] === a) return true;
    }
  }

  private put(a: number, b: number): boolean {
    const mask = this.high.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const held = this.low[slot]!;
      if (held === 0) {
        this.high[slot] = a;
        this.low[slot] = b;
        return true;
      }
      if (held === b && this.high[slot] === a) return false;
    }
  }

  private grow(): void {
    const { high, low } = this;
    this.high = new Uint32Array(high.length * 2);
    this.low = new Uint32Array(low.length * 2);
    for (let slot = 0; slot < low.length; slot++) if (low[slot] !== 0) this.put(high[slot]!, low[slot]!);
  }
}

/** Two 32-bit hashes of `text`, the second never 0 (an empty slot is 0). */
function fingerprint(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [mix(a ^ text.length) >>> 0, (mix(b) | 1) >>> 0];
}

/** Murmur3's finaliser: every bit of the input moves the slot's bits. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
