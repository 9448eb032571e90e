import { appHandlers, type AppContext } from '../app/app-handlers';
import { connectionsHandlers } from '../connections/connections-handlers';
import { createConnectionsStore, type ConnectionsStore } from '../connections/connections-store';
import { defaultHttpOptions, type HttpOptions } from '../providers/http-options';
import { createProviderClients } from '../providers/provider-clients';
import { syncHandlers } from '../sync/sync-handlers';
import { createKeychainVault, type Vault } from '../vault/vault';
import type { HandlerTable } from './handler-table';

export interface MainContext extends AppContext {
  /** Defaults to the OS keychain (service "Reskontra"). */
  vault?: Vault;
  /** Defaults to `<dataDir>/connections.json`. */
  connections?: ConnectionsStore;
  /** Timeouts and retry backoff for provider calls (tests make the backoff short). */
  http?: Partial<HttpOptions>;
}

/** Wires every domain's handlers into the one table both transports serve. */
export function createHandlers(context: MainContext): HandlerTable {
  const { vault: givenVault, connections: givenStore, http, ...app } = context;
  const vault = givenVault ?? createKeychainVault();
  const store = givenStore ?? createConnectionsStore(context.dataDir);
  const clients = createProviderClients(store, vault, { ...defaultHttpOptions, ...http });
  return {
    ...appHandlers(app),
    ...connectionsHandlers({ store, vault, clients }),
    ...syncHandlers(clients),
  };
}
