import type { CompactInvoices } from './compact-invoices';

/** A bit per row for each key: keys below `dense` in an array, the rest in a map. */
class RowBits {
  /** The bits of the keys below `dense`, by key: filled, so the array is not held as a hash table. */
  readonly low: (Uint32Array | undefined)[];
  private readonly high = new Map<number, Uint32Array>();

  constructor(
    private readonly dense: number,
    private readonly rows: () => number,
  ) {
    this.low = new Array<Uint32Array | undefined>(dense).fill(undefined);
  }

  get(key: number): Uint32Array | undefined {
    return key < this.dense ? this.low[key] : this.high.get(key);
  }

  /** The bits of `key`, made or grown to hold `words` 32-row words. */
  of(key: number, words: number): Uint32Array {
    const bits = this.get(key);
    if (bits && bits.length >= words) return bits;
    const grown = new Uint32Array(Math.max(words, (this.rows() + 31) >>> 5));
    if (bits) grown.set(bits);
    if (key < this.dense) this.low[key] = grown;
    else this.high.set(key, grown);
    return grown;
  }

  get bytes(): number {
    let bytes = 0;
    for (const bits of [...this.low, ...this.high.values()]) bytes += bits?.byteLength ?? 0;
    return bytes;
  }
}

const space = 32;

/** One key per pair of code units: both below 256 (nearly every pair of a search text) below 65,536. */
function pairKey(first: number, second: number): number {
  return first < 256 && second < 256 ? (first << 8) | second : 65_536 + first * 65_536 + second;
}

/** How far one pass over the search text has read. */
interface Progress {
  /** The blocks of `index.searchBlocks` read: every row of the first `covered` blocks. */
  covered: number;
  /** Where the next block is read from, when a block's reading was cut short by its deadline. */
  resume: { row: number; at: number };
}

/**
 * For each character of the rows' search texts, and each pair of adjacent characters, which rows
 * hold it (a bit per row), built a block of search text at a time while nothing else runs. A
 * search word of one or two characters is then answered from its bits alone, and a longer word is
 * looked for only in the rows that hold each of its pairs: at a million rows the walk over every
 * candidate row's text was most of a word's first keystroke (`10` held in every row: 99 ms).
 * The characters are read first, in a pass of their own, and the pairs after them: the pairs
 * take as long again, and until they are read a word is narrowed by its characters as before.
 * Characters are UTF-16 code units, as `indexOf` compares them. Pairs with a space are left out:
 * no search word holds one.
 */
export class CharacterRows {
  private readonly singles = new RowBits(256, () => this.index.length);
  private readonly pairs = new RowBits(65_536, () => this.index.length);
  private readonly singlesRead: Progress = { covered: 0, resume: { row: -1, at: 0 } };
  private readonly pairsRead: Progress = { covered: 0, resume: { row: -1, at: 0 } };

  constructor(private readonly index: CompactInvoices) {}

  /** Whether block `block` of the search text is read (its rows' character bits are final). */
  covers(block: number): boolean {
    return block < this.singlesRead.covered;
  }

  /** Whether every block there is now is read, characters and pairs. */
  get complete(): boolean {
    return this.pairsRead.covered >= this.index.searchBlocks.length;
  }

  /** The memory its bits take, in bytes: of the characters, and of the pairs. */
  get bytes(): { characters: number; pairs: number } {
    return { characters: this.singles.bytes, pairs: this.pairs.bytes };
  }

  /** Reads search text until `performance.now()` passes `deadline` or every block is read. */
  extend(deadline: number): void {
    const singles = this.singles.low;
    const pairs = this.pairs.low;
    const readCharacters = (text: string, at: number, stop: number, word: number, bit: number, words: number) => {
      for (; at < stop; at++) {
        const code = text.charCodeAt(at);
        // The array's own bits read inline: a call per character was most of the reading.
        let bits = code < 256 ? singles[code] : undefined;
        if (bits === undefined || bits.length < words) bits = this.singles.of(code, words);
        bits[word]! |= bit;
      }
    };
    const readPairs = (text: string, at: number, stop: number, word: number, bit: number, words: number) => {
      let previous = space;
      for (; at < stop; at++) {
        const code = text.charCodeAt(at);
        if (previous !== space && code !== space) {
          const key = pairKey(previous, code);
          let bits = key < 65_536 ? pairs[key] : undefined;
          if (bits === undefined || bits.length < words) bits = this.pairs.of(key, words);
          bits[word]! |= bit;
        }
        previous = code;
      }
    };
    if (this.read(this.singlesRead, deadline, readCharacters)) this.read(this.pairsRead, deadline, readPairs);
  }

  /** One pass: `readRow` for each row not read yet, until the deadline (false) or the last block (true). */
  private read(progress: Progress, deadline: number, readRow: (text: string, at: number, stop: number, word: number, bit: number, words: number) => void): boolean {
    const { searchBlocks, textEnd } = this.index;
    while (progress.covered < searchBlocks.length) {
      const { first, end, text } = searchBlocks[progress.covered]!;
      let row = progress.resume.row < 0 ? first : progress.resume.row;
      let at = progress.resume.at;
      const words = (end + 31) >>> 5;
      for (; row < end; row++) {
        const stop = textEnd[row]!;
        readRow(text, at, stop, row >>> 5, 1 << (row & 31), words);
        at = stop + 1;
        // Checking the clock every 256 rows keeps the check itself out of the cost.
        if ((row & 255) === 255 && performance.now() > deadline) {
          progress.resume = { row: row + 1, at };
          return false;
        }
      }
      progress.resume = { row: -1, at: 0 };
      progress.covered++;
    }
    return true;
  }

  /**
   * Clears in `hits` (rows `first` to `end` of read block `block`) every row whose text lacks one
   * of the characters of `word`, or, once the block's pairs are read, one of its pairs. Says
   * whether that is the answer itself (a word of one character, or of two with pairs read); a
   * longer one is still to be looked for in the rows left.
   */
  keepRowsWithAll(word: string, hits: Uint8Array, first: number, end: number, block: number): boolean {
    const byPairs = word.length > 1 && block < this.pairsRead.covered;
    const sets: Uint32Array[] = [];
    for (let n = 0; n < (byPairs ? word.length - 1 : word.length); n++) {
      const bits = byPairs ? this.pairs.get(pairKey(word.charCodeAt(n), word.charCodeAt(n + 1))) : this.singles.get(word.charCodeAt(n));
      if (!bits) {
        hits.fill(0, first, end);
        return true;
      }
      sets.push(bits);
    }
    // A 32-row word of bits at a time: all of the sets' bits, then the rows of `hits` they clear.
    for (let row = first; row < end; ) {
      const word = row >>> 5;
      let all = -1;
      for (const bits of sets) all &= bits[word]!;
      const stop = Math.min(end, (word + 1) << 5);
      if (all === 0) hits.fill(0, row, stop);
      else if (all !== -1) for (; row < stop; row++) if (!(all & (1 << (row & 31)))) hits[row] = 0;
      row = stop;
    }
    return word.length === 1 || (byPairs && word.length === 2);
  }
}
