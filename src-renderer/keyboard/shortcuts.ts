/**
 * The app's keyboard shortcuts, listed in Settings:
 * - `/` puts focus in the screen's search field (when focus is not in a text field already);
 * - ↑ and ↓ on a link, button or checkbox in a table row move to the same column of the row above or below;
 * - Ctrl+Shift+S syncs every connection (use-sync-shortcut.ts: it needs the stores).
 */
export const shortcuts = [
  { name: 'search', keys: ['/'] },
  { name: 'rows', keys: ['↑', '↓'] },
  { name: 'escape', keys: ['Esc'] },
  { name: 'syncAll', keys: ['Ctrl+Shift+S'] },
] as const;

const editable = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** True when a key pressed on `target` would be typed into a field. */
export function typingIn(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(editable) !== null;
}

/** Ctrl+Shift+S, or ⌘+Shift+S on a Mac; `code` so it is the same key on every keyboard layout. */
export function isSyncShortcut(event: KeyboardEvent): boolean {
  return event.code === 'KeyS' && event.shiftKey && (event.ctrlKey || event.metaKey) && !event.altKey;
}

const checkbox = 'input[type="checkbox"]:not(:disabled)';

/** The control to move to: a checkbox from a checkbox (the row's selection), else the cell's link or button. */
function focusableIn(row: Element, column: number, from: HTMLElement): HTMLElement | null {
  const cell = row.children[column];
  const like = from.matches(checkbox) ? checkbox : 'a[href], button:not(:disabled)';
  return cell?.querySelector<HTMLElement>(like) ?? row.querySelector<HTMLElement>(like);
}

function neighbour(row: Element, step: 1 | -1): Element | null {
  let next = step === 1 ? row.nextElementSibling : row.previousElementSibling;
  while (next && !next.querySelector('a[href], button:not(:disabled)')) next = step === 1 ? next.nextElementSibling : next.previousElementSibling;
  return next;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function moveRow(from: HTMLElement, step: 1 | -1): Promise<void> {
  const row = from.closest('tr');
  const cell = from.closest('th, td');
  if (!row || !cell) return;
  const column = [...row.children].indexOf(cell);
  let next = neighbour(row, step);
  // A long list renders only the rows in view: scroll its box by a row and let it render the next.
  const viewport = row.closest<HTMLElement>('.table-viewport');
  if (!next && viewport) {
    viewport.scrollTop += step * row.getBoundingClientRect().height;
    await frame();
    await frame();
    next = neighbour(row, step);
  }
  const target = next && focusableIn(next, column, from);
  if (!target) return;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
}

function onKeydown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (event.key === '/' && !typingIn(target) && !document.querySelector('dialog[open]')) {
    const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
    if (!search) return;
    event.preventDefault();
    search.focus();
    search.select();
    return;
  }
  if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && target?.closest('tbody tr') && target.matches(`a[href], button, ${checkbox}`)) {
    event.preventDefault();
    void moveRow(target, event.key === 'ArrowDown' ? 1 : -1);
  }
}

export function installShortcuts(target: Document): void {
  target.addEventListener('keydown', onKeydown);
}
