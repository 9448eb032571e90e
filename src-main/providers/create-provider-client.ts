import type { Connection } from '../../src-shared/domain/connection';
import { createApticClient } from './aptic/client';
import { createConfirmaClient } from './confirma/client';
import { createFlowtlyClient } from './flowtly/client';
import type { HttpOptions } from './http-options';
import { cachedSecret, type ProviderClient, type SecretAccess } from './provider-client';
import { createVettigClient } from './vettig/client';

/** The provider's client for one connection (its own ky instance, token cache and secret). */
export function createProviderClient(connection: Connection, keychain: SecretAccess, options: HttpOptions): ProviderClient {
  const secrets = cachedSecret(keychain);
  switch (connection.provider) {
    case 'vettig':
      return createVettigClient(connection, secrets, options);
    case 'flowtly':
      return createFlowtlyClient(connection, secrets, options);
    case 'confirma':
      return createConfirmaClient(connection, secrets, options);
    case 'aptic':
      return createApticClient(connection, secrets, options);
  }
}
