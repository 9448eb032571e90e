/**
 * Pseudo-English, for the test that proves every string on screen went through the message files
 * (test/e2e/every-string-on-screen-comes-from-the-message-files.test.ts): each message (each
 * plural form) is wrapped in ⟦ ⟧ and its letters accented, placeholders and linked messages left
 * as they are, so it reads and lays out like English but any text that did not come from a
 * message stands out. Only a renderer built with `import.meta.env.RESKONTRA_PSEUDO_LOCALE` true
 * uses it (the test builds one of its own); the app's build sets it false, so this module is left
 * out of it, which the same test checks.
 */
export const pseudoOpen = '⟦';
export const pseudoClose = '⟧';

const accents: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ü', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

// A placeholder (`{count}`, `{'@'}`) or a linked message (`@:key`, `@.lower:key`) stays as it is.
const kept = /(\{[^}]*\}|@(?:\.\w+)?:[\w.]+)/;

function pseudoForm(form: string): string {
  const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(form) ?? [];
  const accented = body
    .split(kept)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (letter) => accents[letter] ?? letter)))
    .join('');
  return `${lead}${pseudoOpen}${accented}${pseudoClose}${trail}`;
}

/** One message: each of its plural forms (`a | b | c`) transformed on its own, so plurals still work. */
export function pseudoMessage(message: string): string {
  return message.split('|').map(pseudoForm).join('|');
}

/** Every string of a message tree, in the same shape. */
export function pseudoLocalize<T>(messages: T): T {
  if (typeof messages === 'string') return pseudoMessage(messages) as T;
  if (Array.isArray(messages)) return messages.map((item: unknown) => pseudoLocalize(item)) as T;
  if (typeof messages === 'object' && messages !== null) {
    return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, pseudoLocalize(value)])) as T;
  }
  return messages;
}
