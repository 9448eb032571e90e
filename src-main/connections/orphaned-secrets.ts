import { resolve } from 'node:path';
import { secretFolder } from '../vault/bound-secret';
import type { Vault } from '../vault/vault';
import type { ConnectionsStore } from './connections-store';

/**
 * Removes the keychain entries this data folder wrote for connections that are gone from its
 * file (a connection re-added after its file was lost, a remove cut short). Careful by design:
 * an entry stays if its id is a connection, an entry set aside, or written anywhere in a
 * kept-aside copy of the file; and entries of other data folders (the demo's) or written
 * before entries recorded their folder are never touched. Answers the ids removed.
 */
export async function removeOrphanedSecrets(store: ConnectionsStore, vault: Vault): Promise<string[]> {
  const inUse = await store.secretsInUse();
  const folder = resolve(store.dataDir);
  const removed: string[] = [];
  for (const { connectionId, stored } of await vault.entries()) {
    if (inUse(connectionId) || secretFolder(stored) !== folder) continue;
    await vault.remove(connectionId);
    removed.push(connectionId);
  }
  return removed;
}
