import type { NewConnection } from '../../src-shared/domain/connection';
import { actionsHandlers } from '../actions/actions-handlers';
import { appHandlers, type AppContext, type ShowNotification } from '../app/app-handlers';
import { connectionsHandlers } from '../connections/connections-handlers';
import { demoHandlers } from '../demo/demo-handlers';
import { createConnectionsStore, type ConnectionsStore } from '../connections/connections-store';
import { exportHandlers } from '../export/export-handlers';
import type { ChooseSavePath } from '../export/save-target';
import { defaultHttpOptions, type HttpOptions } from '../providers/http-options';
import { createProviderClients } from '../providers/provider-clients';
import { syncHandlers } from '../sync/sync-handlers';
import { createKeychainVault, type Vault } from '../vault/vault';
import type { HandlerTable } from './handler-table';

export interface MainContext extends Omit<AppContext, 'demo'> {
  /** Defaults to the OS keychain (service "Reskontra"). */
  vault?: Vault;
  /** Defaults to `<dataDir>/connections.json`. */
  connections?: ConnectionsStore;
  /** Timeouts and retry backoff for provider calls (tests make the backoff short). */
  http?: Partial<HttpOptions>;
  /** The native save dialog (Electron); without it exports go to `<dataDir>/exports/`. */
  chooseSavePath?: ChooseSavePath;
  /** Demo mode: the connections (to the demo launcher's sandboxes) that `demo.connect` adds. */
  demoConnections?: readonly NewConnection[];
  /** OS notifications (Electron); without it `app.notify` answers that none was shown. */
  showNotification?: ShowNotification;
}

/** Wires every domain's handlers into the one table both transports serve. */
export function createHandlers(context: MainContext): HandlerTable {
  const { vault: givenVault, connections: givenStore, http, chooseSavePath, demoConnections, showNotification, ...app } = context;
  const vault = givenVault ?? createKeychainVault();
  const store = givenStore ?? createConnectionsStore(context.dataDir);
  const clients = createProviderClients(store, vault, { ...defaultHttpOptions, ...http });
  const connections = connectionsHandlers({ store, vault, clients });
  return {
    ...appHandlers({ ...app, demo: demoConnections !== undefined }, showNotification),
    ...connections,
    ...syncHandlers(clients),
    ...actionsHandlers(clients),
    ...exportHandlers({ dataDir: context.dataDir, chooseSavePath }),
    ...demoHandlers(demoConnections, {
      list: connections['connections.list'],
      add: connections['connections.add'],
      update: connections['connections.update'],
    }),
  };
}
