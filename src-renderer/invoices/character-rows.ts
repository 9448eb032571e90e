import type { CompactInvoices } from './compact-invoices';

/**
 * For each character of the rows' search texts, which rows hold it (a bit per row), built a
 * block of search text at a time while nothing else runs. The first character of a search is
 * then answered from its bits instead of a walk over every row's text (at a million rows the
 * walk was most of that keystroke), and a longer word is looked for only in the rows that hold
 * each of its characters. Characters are UTF-16 code units, as `indexOf` compares them.
 */
export class CharacterRows {
  /** Per code unit below 256 (nearly every character of a search text), its rows' bits; others in `rare`. */
  private readonly common: (Uint32Array | undefined)[] = [];
  private readonly rare = new Map<number, Uint32Array>();
  /** The blocks of `index.searchBlocks` already read: every row of the first `covered` blocks. */
  private covered = 0;
  /** Where the next block is read from, when a block's reading was cut short by its deadline. */
  private resume = { row: -1, at: 0 };

  constructor(private readonly index: CompactInvoices) {}

  /** Whether block `block` of the search text is read (its rows' bits are final). */
  covers(block: number): boolean {
    return block < this.covered;
  }

  /** Whether every block there is now is read. */
  get complete(): boolean {
    return this.covered >= this.index.searchBlocks.length;
  }

  /** The memory its bits take, in bytes. */
  get bytes(): number {
    let bytes = 0;
    for (const bits of [...this.common, ...this.rare.values()]) bytes += bits?.byteLength ?? 0;
    return bytes;
  }

  /** Reads search text until `performance.now()` passes `deadline` or every block is read. */
  extend(deadline: number): void {
    const { searchBlocks, textEnd } = this.index;
    while (this.covered < searchBlocks.length) {
      const { first, end, text } = searchBlocks[this.covered]!;
      let row = this.resume.row < 0 ? first : this.resume.row;
      let at = this.resume.at;
      const words = (end + 31) >>> 5;
      for (; row < end; row++) {
        const bit = 1 << (row & 31);
        const word = row >>> 5;
        const stop = textEnd[row]!;
        for (; at < stop; at++) this.rowsOf(text.charCodeAt(at), words)[word]! |= bit;
        at = stop + 1;
        // Checking the clock every 256 rows keeps the check itself out of the cost.
        if ((row & 255) === 255 && performance.now() > deadline) {
          this.resume = { row: row + 1, at };
          return;
        }
      }
      this.resume = { row: -1, at: 0 };
      this.covered++;
    }
  }

  /**
   * Clears in `hits` (rows `first` to `end` of one read block) every row whose text lacks one of
   * the characters of `word`. For a word of one character that is the answer itself.
   */
  keepRowsWithAll(word: string, hits: Uint8Array, first: number, end: number): void {
    for (let n = 0; n < word.length; n++) {
      const bits = this.bitsOf(word.charCodeAt(n));
      if (!bits) {
        hits.fill(0, first, end);
        return;
      }
      for (let row = first; row < end; row++) if (hits[row] && !(bits[row >>> 5]! & (1 << (row & 31)))) hits[row] = 0;
    }
  }

  private bitsOf(code: number): Uint32Array | undefined {
    return code < 256 ? this.common[code] : this.rare.get(code);
  }

  /** The bits of `code`, made or grown to hold `words` 32-row words. */
  private rowsOf(code: number, words: number): Uint32Array {
    let bits = this.bitsOf(code);
    if (bits && bits.length >= words) return bits;
    const grown = new Uint32Array(Math.max(words, (this.index.length + 31) >>> 5));
    if (bits) grown.set(bits);
    bits = grown;
    if (code < 256) this.common[code] = bits;
    else this.rare.set(code, bits);
    return bits;
  }
}
