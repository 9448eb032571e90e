import type { Connection } from '../../src-shared/domain/connection';
import { providerSecretSchemas } from '../../src-shared/domain/connection';
import { providerNames } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ConnectionsStore } from '../connections/connections-store';
import type { Vault } from '../vault/vault';
import { createProviderClient } from './create-provider-client';
import type { HttpOptions } from './http-options';
import type { ProviderClient, SecretAccess } from './provider-client';

/**
 * One client (one ky instance, one token cache) per connection, made on first use and
 * dropped when the connection changes or goes away.
 */
export interface ProviderClients {
  forConnection(id: string): Promise<{ connection: Connection; client: ProviderClient }>;
  forget(id: string): void;
}

export function createProviderClients(store: ConnectionsStore, vault: Vault, http: HttpOptions): ProviderClients {
  const clients = new Map<string, { version: string; client: ProviderClient }>();
  return {
    async forConnection(id) {
      const connection = await store.get(id);
      if (!connection) throw new RpcError('not_found', `There is no connection with id "${id}".`);
      const version = `${connection.updatedAt}|${connection.baseUrl}`;
      const known = clients.get(id);
      if (known && known.version === version) return { connection, client: known.client };
      const client = createProviderClient(connection, secretAccess(connection, vault), http);
      clients.set(id, { version, client });
      return { connection, client };
    },
    forget(id) {
      clients.delete(id);
    },
  };
}

/** Reads the connection's secret from the keychain and checks it has the provider's shape. */
function secretAccess(connection: Connection, vault: Vault): SecretAccess {
  return {
    async read() {
      const stored = await vault.read(connection.id);
      if (stored === null) {
        throw new RpcError(
          'provider_error',
          `The keychain holds no credentials for "${connection.label}"; enter them again in the connection's settings.`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(stored);
      } catch {
        json = undefined;
      }
      const parsed = providerSecretSchemas[connection.provider].safeParse(json);
      if (!parsed.success) {
        throw new RpcError(
          'provider_error',
          `The ${providerNames[connection.provider]} credentials in the keychain for "${connection.label}" are incomplete; enter them again.`,
        );
      }
      return parsed.data;
    },
    async write(secret) {
      await vault.write(connection.id, JSON.stringify(secret));
    },
  };
}
