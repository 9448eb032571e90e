import { randomUUID } from 'node:crypto';
import type { Connection, ConnectionUpdate } from '../../src-shared/domain/connection';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ProviderClient } from '../providers/provider-client';
import type { ProviderClients } from '../providers/provider-clients';
import type { HandlerGroup } from '../rpc/handler-table';
import { bindSecret } from '../vault/bound-secret';
import type { Vault } from '../vault/vault';
import { applyChange } from './connection-change';
import { oneAtATime } from './one-at-a-time';
import type { ConnectionsStore } from './connections-store';

export interface ConnectionsDeps {
  store: ConnectionsStore;
  vault: Vault;
  clients: ProviderClients;
}

type ConnectionsMethod =
  | 'connections.list'
  | 'connections.add'
  | 'connections.update'
  | 'connections.remove'
  | 'connections.test';

/**
 * Settings go to the connections file, secrets to the keychain, and nothing a handler
 * returns ever carries a secret. The keychain is written first on add and cleared last on
 * remove, so a failure or a kill in between never leaves a connection without its secret, only
 * a secret without a connection, which start-up removes (orphaned-secrets.ts); update writes the
 * file first (see there). Changes run one at a time, file and keychain together, so two edits
 * of one connection never leave the file with one and the keychain with the other.
 */
export function connectionsHandlers({ store, vault, clients }: ConnectionsDeps): HandlerGroup<ConnectionsMethod> {
  const exclusive = oneAtATime();
  const bind = (connection: Connection, secret: unknown) => bindSecret(connection, secret, store.dataDir);
  return {
    'connections.list': () => store.read(),

    'connections.add': ({ secret, ...settings }) => exclusive(async () => {
      const now = new Date().toISOString();
      const connection = { ...settings, id: randomUUID(), createdAt: now, updatedAt: now } as Connection;
      await vault.write(connection.id, bind(connection, secret));
      try {
        await store.update((connections) => ({ connections: [...connections, connection], result: undefined }));
      } catch (error) {
        await vault.remove(connection.id).catch(() => undefined);
        throw error;
      }
      return connection;
    }),

    'connections.update': ({ id, ...change }) => exclusive(async () => {
      // The file first, the keychain second: if the file cannot be written nothing changed;
      // if the keychain cannot, the file goes back. The secret is bound to its address in the
      // keychain, so in between (or if even that fails) it is never sent to the other one.
      let previous: Connection | undefined;
      const { next, secret } = await store.update((connections) => {
        const current = connections.find((connection) => connection.id === id);
        if (!current) throw notFound(id);
        previous = current;
        const applied = applyChange(current, change);
        return { connections: connections.map((item) => (item.id === id ? applied.next : item)), result: applied };
      });
      if (secret) {
        try {
          await vault.write(id, bind(next, secret));
        } catch (error) {
          await restore(store, next, previous).catch(() => undefined);
          throw error;
        }
      }
      clients.forget(id);
      return next;
    }),

    'connections.remove': ({ id }) => exclusive(async () => {
      if (!(await store.get(id))) {
        // An entry set aside (see connections-file.ts) can be removed too, with its secret.
        if (!(await store.discardSetAside(id))) throw notFound(id);
        await vault.remove(id);
        return { removed: true as const };
      }
      // The file first: a failure (or a kill) before it keeps the connection with its secret; one
      // after it leaves only a keychain entry without a connection, which start-up removes.
      await store.update((connections) => ({
        connections: connections.filter((connection) => connection.id !== id),
        result: undefined,
      }));
      clients.forget(id);
      await vault.remove(id).catch(() => undefined);
      return { removed: true as const };
    }),

    'connections.test': async ({ id, ...change }) => {
      const client = await clientToTest(id, change);
      try {
        return await client.test();
      } catch (error) {
        if (error instanceof RpcError && error.code !== 'keychain_unavailable' && error.code !== 'internal') {
          return { ok: false as const, error: error.toBody() };
        }
        throw error;
      }
    },
  };

  /** The saved connection's client, or one for the unsaved values the form sent. */
  async function clientToTest(id: string, change: Omit<ConnectionUpdate, 'id'>): Promise<ProviderClient> {
    if (Object.keys(change).length === 0) return (await clients.forConnection(id)).client;
    const current = await store.get(id);
    if (!current) throw notFound(id);
    const { next, secret } = applyChange(current, change);
    return clients.forDraft(next, secret);
  }
}

/** Puts `previous` back, unless someone changed the connection again since `written`. */
async function restore(store: ConnectionsStore, written: Connection, previous: Connection | undefined): Promise<void> {
  if (!previous) return;
  await store.update((connections) => ({
    connections: connections.map((item) => (item.id === written.id && item.updatedAt === written.updatedAt ? previous! : item)),
    result: undefined,
  }));
}

function notFound(id: string): RpcError {
  return new RpcError('not_found', `There is no connection with id "${id}".`);
}
