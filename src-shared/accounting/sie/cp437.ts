/**
 * IBM PC-8 (code page 437), the character set SIE's `#FORMAT PC8` names. Bytes 0x20–0x7E are
 * ASCII; the letters and signs of 0x80–0xAF and 0xE0–0xFF are listed here (the box-drawing
 * characters 0xB0–0xDF are never needed in account names or voucher texts).
 */
const upperHalf: Readonly<Record<number, string>> = {
  0x80: 'ÇüéâäàåçêëèïîìÄÅ',
  0x90: 'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ',
  0xa0: 'áíóúñÑªº¿⌐¬½¼¡«»',
  0xe0: 'αßΓπΣσµτΦΘΩδ∞φε∩',
  0xf0: '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
};

const toByte = new Map<string, number>();
const fromByte = new Map<number, string>();
for (const [start, characters] of Object.entries(upperHalf)) {
  [...characters].forEach((character, n) => {
    toByte.set(character, Number(start) + n);
    fromByte.set(Number(start) + n, character);
  });
}

/** What a character outside code page 437 becomes: its letter without the accent when it has one (ø has none: `?`). */
function fallback(character: string): number {
  const base = character.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (base.length === 1 && (toByte.has(base) || (base >= ' ' && base <= '~'))) return toByte.get(base) ?? base.charCodeAt(0);
  return 0x3f;
}

/** Text as code page 437 bytes. Control characters are the caller's to remove. */
export function encodeCp437(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (character.length === 1 && code < 0x80) bytes.push(code);
    else bytes.push(toByte.get(character) ?? fallback(character));
  }
  return Uint8Array.from(bytes);
}

/** Code page 437 bytes back to text (for the dialog's preview and the tests' reader). */
export function decodeCp437(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : (fromByte.get(byte) ?? '\ufffd');
  return text;
}
