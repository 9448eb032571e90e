import { resolve } from 'node:path';
import { z } from 'zod';
import { secretDestination, type Connection } from '../../src-shared/domain/connection';

/**
 * A keychain entry holds the secret together with where it may be sent (base URL and token
 * path, see `secretDestination`). A connection whose file now points somewhere else (an edit
 * half written, a file changed by hand) finds no usable secret instead of sending it there.
 */
const boundSchema = z.object({ sendTo: z.string(), secret: z.unknown(), folder: z.string().optional() }).strict();

/**
 * `folder` is the data folder whose connections.json holds the connection: the keychain is
 * shared by every data folder (the demo's too), and start-up removes only its own folder's
 * orphans (see orphaned-secrets.ts).
 */
export function bindSecret(connection: Connection, secret: unknown, folder: string): string {
  return JSON.stringify({ sendTo: secretDestination(connection), secret, folder: resolve(folder) });
}

/** The data folder an entry was written for; undefined for entries written before folders were recorded. */
export function secretFolder(stored: string): string | undefined {
  try {
    const bound = boundSchema.safeParse(JSON.parse(stored));
    return bound.success ? bound.data.folder : undefined;
  } catch {
    return undefined;
  }
}

export type StoredSecret = { found: true; secret: unknown } | { found: false; why: 'elsewhere' | 'unreadable' };

/** The secret in `stored` if it was entered for where `connection` sends it now. */
export function secretFor(connection: Connection, stored: string): StoredSecret {
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return { found: false, why: 'unreadable' };
  }
  const bound = boundSchema.safeParse(json);
  // Entries written before secrets were bound hold the bare secret; they were entered for the
  // connection's address, and an address change asks for the secret again (and rebinds it).
  if (!bound.success) return { found: true, secret: json };
  if (bound.data.sendTo !== secretDestination(connection)) return { found: false, why: 'elsewhere' };
  return { found: true, secret: bound.data.secret };
}
