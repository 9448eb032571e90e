/**
 * A mark on the page's performance timeline at the end of one step of the cache's load (read,
 * sort, join, rows, the list's columns…): `npm run bench -- invoice-index` prints each step's
 * time from them. A mark costs a few microseconds; nothing in the app reads them.
 */
export function markLoadStep(step: string): void {
  performance.mark(`load: ${step}`);
}
