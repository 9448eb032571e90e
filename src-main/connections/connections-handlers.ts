import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  providerSecretSchemas,
  providerSettingsSchemas,
  type Connection,
} from '../../src-shared/domain/connection';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ProviderClients } from '../providers/provider-clients';
import type { HandlerGroup } from '../rpc/handler-table';
import type { Vault } from '../vault/vault';
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
 * returns ever carries a secret. The keychain is written first on add (no connection
 * without its secret) and cleared first on remove (no secret left behind).
 */
export function connectionsHandlers({ store, vault, clients }: ConnectionsDeps): HandlerGroup<ConnectionsMethod> {
  return {
    'connections.list': async () => ({ connections: await store.list(), warnings: store.warnings() }),

    'connections.add': async ({ secret, ...settings }) => {
      const now = new Date().toISOString();
      const connection = { ...settings, id: randomUUID(), createdAt: now, updatedAt: now } as Connection;
      await vault.write(connection.id, JSON.stringify(secret));
      try {
        await store.update((connections) => ({ connections: [...connections, connection], result: undefined }));
      } catch (error) {
        await vault.remove(connection.id).catch(() => undefined);
        throw error;
      }
      return connection;
    },

    'connections.update': async (change) => {
      const existing = await store.get(change.id);
      if (!existing) throw notFound(change.id);
      const settings = checked(
        providerSettingsSchemas[existing.provider],
        { ...existing.settings, ...change.settings },
        'settings',
      );
      if (change.secret) {
        const secret = checked(providerSecretSchemas[existing.provider], change.secret, 'secret');
        await vault.write(existing.id, JSON.stringify(secret));
      }
      const updated = await store.update((connections) => {
        const current = connections.find((connection) => connection.id === change.id);
        if (!current) throw notFound(change.id);
        const next = {
          ...current,
          label: change.label ?? current.label,
          baseUrl: change.baseUrl ?? current.baseUrl,
          settings,
          updatedAt: laterThan(current.updatedAt),
        } as Connection;
        return { connections: connections.map((item) => (item.id === next.id ? next : item)), result: next };
      });
      clients.forget(change.id);
      return updated;
    },

    'connections.remove': async ({ id }) => {
      if (!(await store.get(id))) throw notFound(id);
      await vault.remove(id);
      await store.update((connections) => ({
        connections: connections.filter((connection) => connection.id !== id),
        result: undefined,
      }));
      clients.forget(id);
      return { removed: true as const };
    },

    'connections.test': async ({ id }) => {
      const { client } = await clients.forConnection(id);
      try {
        return await client.test();
      } catch (error) {
        if (error instanceof RpcError && error.code !== 'keychain_unavailable' && error.code !== 'internal') {
          return { ok: false as const, reason: error.message };
        }
        throw error;
      }
    },
  };
}

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${what}.${issue.path.join('.')}` : what;
  throw new RpcError('invalid_input', `Invalid input for connections.update: ${field}: ${issue?.message ?? 'invalid'}`);
}

function notFound(id: string): RpcError {
  return new RpcError('not_found', `There is no connection with id "${id}".`);
}

/** Now, but strictly after `previous`, so a changed connection always gets a new version. */
function laterThan(previous: string): string {
  const now = Date.now();
  const before = Date.parse(previous);
  return new Date(Number.isNaN(before) || now > before ? now : before + 1).toISOString();
}
