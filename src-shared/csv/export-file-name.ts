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

// Names Windows reserves whatever the extension (`con.csv` opens the console).
const reservedOnWindows = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
// Characters Windows forbids in names (separators are checked first, with their own message).
const forbiddenCharacters = /[<>:"|?*]/;

/**
 * Why `name` is not a plain CSV file name, or null when it is one: a single name (no folder),
 * ending `.csv`, without characters some file system refuses.
 */
export function csvFileNameProblem(name: string): string | null {
  if (name.length === 0) return 'the file name is empty';
  if (name.length > maxNameLength) return `the file name is longer than ${maxNameLength} characters`;
  if (/[/\\]/.test(name)) return 'the file name may not contain a folder ("/" or "\\")';
  if (forbiddenCharacters.test(name) || hasControlCharacter(name)) return 'the file name may not contain < > : " | ? * or control characters';
  if (name.startsWith('.')) return 'the file name may not start with "."';
  if (!/\.csv$/i.test(name)) return 'the file name must end with ".csv"';
  if (/\s\.csv$/i.test(name) || name !== name.trim()) return 'the file name may not start or end with a space';
  if (reservedOnWindows.test(name)) return `"${name}" is a name Windows reserves`;
  return null;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
