import type { Connection } from '../../src-shared/domain/connection';
import { providerSecretSchemas } from '../../src-shared/domain/connection';
import { providerNames } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ConnectionsStore } from '../connections/connections-store';
import { bindSecret, secretFor } from '../vault/bound-secret';
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
  /**
   * A throwaway client for values not saved yet (Test in the edit form): with the secret typed
   * in, or else the stored one, which is only handed out for the address it was entered for.
   */
  forDraft(connection: Connection, typedSecret: unknown): ProviderClient;
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
      const client = createProviderClient(connection, storedSecret(connection, vault, store.dataDir), http);
      clients.set(id, { version, client });
      return { connection, client };
    },
    forDraft(connection, typedSecret) {
      return createProviderClient(connection, typedSecret === undefined ? storedSecret(connection, vault, store.dataDir) : typedOnly(typedSecret), http);
    },
    forget(id) {
      clients.delete(id);
    },
  };
}

/**
 * Reads the connection's secret from the keychain: only if it was entered for where the
 * connection sends it now, and only if it has the provider's shape.
 */
function storedSecret(connection: Connection, vault: Vault, folder: string): SecretAccess {
  const provider = providerNames[connection.provider];
  const missing = (why: string) =>
    new RpcError('credentials_missing', `${why} Enter them again in the connection's form (Edit connection).`, {
      provider: connection.provider,
    });
  return {
    async read() {
      const stored = await vault.read(connection.id);
      if (stored === null) throw missing(`The keychain holds no ${provider} credentials for "${connection.label}".`);
      const found = secretFor(connection, stored);
      if (!found.found && found.why === 'elsewhere') {
        throw missing(`The ${provider} credentials for "${connection.label}" were entered for another address.`);
      }
      const parsed = providerSecretSchemas[connection.provider].safeParse(found.found ? found.secret : undefined);
      if (!parsed.success) throw missing(`The ${provider} credentials in the keychain for "${connection.label}" are incomplete.`);
      return parsed.data;
    },
    async write(secret) {
      await vault.write(connection.id, bindSecret(connection, secret, folder));
    },
  };
}

/** A secret typed into a form and not saved: a renewed key stays with this client only. */
function typedOnly(initial: unknown): SecretAccess {
  let secret = initial;
  return {
    read: async () => secret,
    write: async (renewed) => {
      secret = renewed;
    },
  };
}
