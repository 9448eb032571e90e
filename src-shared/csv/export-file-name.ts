/**
 * Suggested names for exported files, `reskontra-factoring-2025-01.csv`, and the check main
 * applies to any name the renderer suggests before it touches the disk.
 */

const maxNameLength = 120;

/**
 * `['factoring', '2025-01']` → `reskontra-factoring-2025-01.csv`. Each part is reduced to
 * lower-case ASCII letters, digits and single hyphens (`Åkesson & Co` → `akesson-co`), so the
 * name is the same on every file system and in every mail attachment.
 */
export function exportFileName(parts: readonly string[]): string {
  const slug = ['reskontra', ...parts].map(slugify).filter((part) => part !== '').join('-');
  return `${slug.slice(0, maxNameLength - '.csv'.length).replace(/-+$/, '')}.csv`;
}

function slugify(part: string): string {
  return part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * File systems count a name's length in bytes (ext4: 255 bytes of UTF-8), not in characters:
 * `€` is one UTF-16 unit but three bytes. Five bytes are kept back for the `-1000` main adds
 * when a name is taken, so every name that passes here can also be written.
 */
const maxNameBytes = 255 - '-1000'.length;

/**
 * Device names Windows reserves whatever the extension (`con.csv` opens the console). Windows
 * compares the part before the first dot with trailing spaces dropped (`COM1 .old.csv` is COM1),
 * and counts the superscript digits ¹ ² ³ as digits (`COM¹`, `LPT²`).
 */
const reservedOnWindows = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Characters Windows forbids in names (separators are checked first, with their own message).
const forbiddenCharacters = /[<>:"|?*]/;

/**
 * Why `name` is not a plain export file name, or null when it is one: a single name (no folder),
 * ending `.csv` (or `.se`, an SIE file), without characters some file system refuses.
 */
export function csvFileNameProblem(name: string): string | null {
  if (name.length === 0) return 'the file name is empty';
  if (utf8Bytes(name) > maxNameBytes) return `the file name is longer than ${maxNameBytes} bytes (UTF-8)`;
  if (/[/\\]/.test(name)) return 'the file name may not contain a folder ("/" or "\\")';
  if (forbiddenCharacters.test(name) || hasControlCharacter(name)) return 'the file name may not contain < > : " | ? * or control characters';
  if (name.startsWith('.')) return 'the file name may not start with "."';
  if (!/\.(csv|se)$/i.test(name)) return 'the file name must end with ".csv" (or ".se" for an SIE file)';
  if (/\s\.(csv|se)$/i.test(name) || name !== name.trim()) return 'the file name may not start or end with a space';
  if (reservedOnWindows.test(deviceStem(name))) return `"${name}" is a name Windows reserves`;
  return null;
}

/** The part Windows matches against its device names: up to the first dot, trailing spaces dropped. */
function deviceStem(name: string): string {
  return name.split('.', 1)[0]!.replace(/ +$/, '');
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
