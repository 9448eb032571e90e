/** Replaces every known secret (keys, client secrets, tokens) in provider-supplied text. */
export type Redact = (text: string) => string;

/**
 * The secrets one client knows (its key or client id + secret, and every token it was given),
 * each held once, and the redaction of any text that might echo them.
 */
export interface SecretRedaction {
  remember(...secrets: string[]): void;
  readonly redact: Redact;
  /** How many secrets it knows (each once, however often it was told). */
  readonly size: number;
}

/** Shorter secrets are not redacted: they would match ordinary words. */
export const minSecretLength = 4;
/**
 * A provider that cuts its echo short (a clipped message, "client_secret=Zq8+Lm…") still shows
 * a prefix or a suffix: any run of at least this many of a secret's first or last characters is
 * redacted too, in any of the encodings below. Eight characters keep a random secret's fragment
 * from matching ordinary words; shorter fragments are left (they are not worth guessing from).
 */
export const minPartialLength = 8;

/**
 * What a provider might echo of a secret, all redacted: the text itself; URL-encoded
 * (`encodeURIComponent`, form encoding with `+` for space, either hex case, or encoded twice);
 * JSON-escaped (`\/`, `\u002b`, `\"`); HTML character references; base64 and base64url of the
 * secret and of anything that contains it (`id:secret` with or without "Basic ", a whole form
 * body), with or without padding, URL- or JSON-escaped in turn; and a prefix or suffix of at
 * least `minPartialLength` characters, in any of the character encodings (even mixed).
 *
 * The text is read once into what each position may spell (its own character, or the character
 * an escape starting there stands for), and each secret is matched against that, character by
 * character (no regular expression per secret: secrets may be 4 KB, and a pattern for every
 * prefix of one does not compile).
 */
export function createSecretRedaction(): SecretRedaction {
  const known = new Set<string>();
  // Targets by their first (last) character, so a position is tried only where one may start (end).
  const starting = new Map<string, Target[]>();
  const ending = new Map<string, Target[]>();
  const index = (table: Map<string, Target[]>, char: string, target: Target) => table.set(char, [...(table.get(char) ?? []), target]);
  return {
    remember(...secrets) {
      for (const secret of secrets) {
        if (secret.length < minSecretLength || known.has(secret)) continue;
        known.add(secret);
        const whole: Target = { chars: [...secret], partial: true };
        index(starting, whole.chars[0] as string, whole);
        index(ending, whole.chars.at(-1) as string, whole);
        for (const core of base64Cores(secret)) {
          const run: Target = { chars: [...core], partial: false };
          if (run.chars.length >= minPartialLength) index(starting, run.chars[0] as string, run);
        }
      }
    },
    get size() {
      return known.size;
    },
    redact(text) {
      const spelled = readText(text);
      const spans: Span[] = [];
      for (let at = 0; at <= text.length; at += 1) {
        for (const [char] of spelled.from[at] ?? []) {
          for (const target of starting.get(char) ?? []) {
            const end = matchForward(spelled, at, target);
            if (end !== null) spans.push([at, end]);
          }
        }
        for (const [char] of spelled.to[at] ?? []) {
          for (const target of ending.get(char) ?? []) {
            const start = matchBackward(spelled, at, target);
            if (start !== null) spans.push([start, at]);
          }
        }
      }
      return mask(text, spans).replace(/(bearer|basic)\s+[A-Za-z0-9._~+/=-]{16,}/gi, '$1 ***');
    },
  };
}

interface Target {
  chars: string[];
  /** Whether a long-enough prefix or suffix counts too (not for base64 runs: their ends shift). */
  partial: boolean;
}
type Span = [start: number, end: number];
/** A character a text spells at a position, and how many UTF-16 units spell it. */
type Reading = [char: string, length: number];

/** What every position of a text spells: `from[p]` starts at p, `to[p]` ends at p. */
interface Spelled {
  from: Reading[][];
  to: Reading[][];
}

function readText(text: string): Spelled {
  const from: Reading[][] = Array.from({ length: text.length + 1 }, () => []);
  const to: Reading[][] = Array.from({ length: text.length + 1 }, () => []);
  for (let at = 0; at < text.length; at += 1) {
    for (const reading of readingsAt(text, at)) {
      from[at]?.push(reading);
      to[at + reading[1]]?.push(reading);
    }
  }
  return { from, to };
}

function enough(target: Target): number {
  return target.partial ? Math.min(target.chars.length, minPartialLength) : target.chars.length;
}

/** Where the target (or enough of its start) spelled from `start` ends, or null. */
function matchForward(spelled: Spelled, start: number, target: Target): number | null {
  let at = start;
  let matched = 0;
  for (const char of target.chars) {
    const reading = spelled.from[at]?.find(([spelledChar]) => spelledChar === char);
    if (!reading) break;
    at += reading[1];
    matched += 1;
  }
  return matched >= enough(target) ? at : null;
}

/** Where enough of the target's end, spelled up to `end`, starts, or null. */
function matchBackward(spelled: Spelled, end: number, target: Target): number | null {
  let at = end;
  let matched = 0;
  for (let index = target.chars.length - 1; index >= 0; index -= 1) {
    const reading = spelled.to[at]?.find(([spelledChar]) => spelledChar === target.chars[index]);
    if (!reading) break;
    at -= reading[1];
    matched += 1;
  }
  return matched >= enough(target) ? at : null;
}

/** The spans replaced by one mask each, overlapping ones merged. */
function mask(text: string, spans: Span[]): string {
  const merged: Span[] = [];
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let clean = '';
  let from = 0;
  for (const [start, end] of merged) {
    clean += `${text.slice(from, start)}***`;
    from = end;
  }
  return clean + text.slice(from);
}

const jsonEscapes: Record<string, string> = { '/': '/', '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
const namedReferences: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The character at `at` itself, and the one an escape starting there stands for (if any). */
function readingsAt(text: string, at: number): Reading[] {
  const code = text.codePointAt(at) ?? 0;
  const own = String.fromCodePoint(code);
  const readings: Reading[] = [[own, own.length]];
  const rest = text.slice(at, at + 40);
  const escaped = percentEncoded(rest, '%25') ?? percentEncoded(rest, '%') ?? jsonEscaped(rest) ?? htmlReference(rest);
  if (escaped) readings.push(escaped);
  if (own === '+') readings.push([' ', 1]);
  return readings;
}

/** One UTF-8 character written as `%XX` bytes (after `prefix`: `%`, or `%25` if encoded twice). */
function percentEncoded(text: string, prefix: string): Reading | null {
  const bytes: number[] = [];
  let at = 0;
  const byteAt = (position: number): number | null => {
    if (!text.startsWith(prefix, position)) return null;
    const hex = text.slice(position + prefix.length, position + prefix.length + 2);
    return /^[0-9a-fA-F]{2}$/.test(hex) ? parseInt(hex, 16) : null;
  };
  const lead = byteAt(0);
  if (lead === null) return null;
  const count = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
  for (let index = 0; index < count; index += 1) {
    const byte = byteAt(at);
    if (byte === null) return null;
    bytes.push(byte);
    at += prefix.length + 2;
  }
  if (count === 0) return null;
  const char = Buffer.from(bytes).toString('utf8');
  return [...char].length === 1 && !char.includes('\ufffd') ? [char, at] : null;
}

/** `\uXXXX` (a surrogate pair as two), or a short JSON escape such as `\/`. */
function jsonEscaped(text: string): Reading | null {
  if (!text.startsWith('\\')) return null;
  const unit = (position: number) => (/^\\u[0-9a-fA-F]{4}/.test(text.slice(position)) ? parseInt(text.slice(position + 2, position + 6), 16) : null);
  const first = unit(0);
  if (first !== null) {
    const second = first >= 0xd800 && first < 0xdc00 ? unit(6) : null;
    return second !== null ? [String.fromCharCode(first, second), 12] : [String.fromCharCode(first), 6];
  }
  const short = jsonEscapes[text.charAt(1)];
  return short === undefined ? null : [short, 2];
}

/** `&#43;`, `&#x2B;` or `&amp;`. */
function htmlReference(text: string): Reading | null {
  const match = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/.exec(text);
  if (!match) return null;
  const code = match[1] !== undefined ? Number(match[1]) : match[2] !== undefined ? parseInt(match[2], 16) : null;
  if (code !== null) return code <= 0x10ffff ? [String.fromCodePoint(code), match[0].length] : null;
  const named = namedReferences[match[3] ?? ''];
  return named === undefined ? null : [named, match[0].length];
}

/**
 * The base64 characters that depend only on the secret, wherever it sits in a longer text (its
 * byte offset modulo 3 decides the alignment): every base64 encoding of a text holding the
 * secret contains one of these three runs, in standard or URL-safe alphabet.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores = new Set<string>();
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(first, last);
    cores.add(core);
    cores.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...cores];
}
