import type { Connection } from '../../src-shared/domain/connection';
import { createApticClient } from './aptic/client';
import { createConfirmaClient } from './confirma/client';
import { createFlowtlyClient } from './flowtly/client';
import type { HttpOptions } from './http-options';
import type { ProviderClient, SecretAccess } from './provider-client';
import { createVettigClient } from './vettig/client';

/** The provider's client for one connection (its own ky instance and token cache). */
export function createProviderClient(connection: Connection, secrets: SecretAccess, options: HttpOptions): ProviderClient {
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
