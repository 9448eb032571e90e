import { createHash } from 'node:crypto';

/**
 * The hash of a sync page's provider answers, as they came (one or more bodies, in order), under
 * `format`: the name and version of how the client reads them. Bump the version whenever reading
 * the same bytes would store anything else (normalising, validating, the VAT requests, paging),
 * so a cache made by an older release reads every page again instead of keeping what it made.
 */
export function pageHash(format: string, bodies: readonly string[]): string {
  const hash = createHash('sha256').update(format);
  // Each body's length before it: two pages cannot hash alike by moving bytes between bodies.
  for (const body of bodies) hash.update(`\n${body.length}\n`).update(body);
  return hash.digest('base64url');
}
