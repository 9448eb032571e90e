import { mkdir } from 'node:fs/promises';
import type { Transport } from '../../src-shared/rpc/app-methods';
import { createConnectionsStore } from '../connections/connections-store';
import { removeOrphanedSecrets } from '../connections/orphaned-secrets';
import { removeStaleTempFiles } from '../connections/stale-temp-files';
import { demoConnectionsFromEnv } from '../demo/demo-connections-from-env';
import { ensureDemoConnections } from '../demo/demo-connections';
import { exportIdleMs } from '../export/export-handlers';
import type { ChooseSavePath } from '../export/save-target';
import { removeStalePartFiles } from '../export/stale-part-files';
import { createHandlers } from '../rpc/create-handlers';
import { createDispatch, type Dispatch } from '../rpc/dispatch';
import { createKeychainVault } from '../vault/vault';
import type { ShowNotification } from './app-handlers';
import { appName, appVersion } from './app-identity';
import { httpOptionsFromEnv } from './http-env';

export interface MainStart {
  transport: Transport;
  dataDir: string;
  /** Demo mode: the demo connections come from the environment the demo launcher set. */
  demo: boolean;
  chooseSavePath?: ChooseSavePath;
  showNotification?: ShowNotification;
}

/**
 * Both launchers' start-up, once: the data folder, half-written exports and connections-file
 * temporaries a killed run left removed, keychain entries whose connection is gone removed, the handler table, and in demo mode the demo
 * connections added (or refreshed) through the same handlers as the user's own.
 */
export async function startMain({ transport, dataDir, demo, chooseSavePath, showNotification }: MainStart, env: NodeJS.ProcessEnv = process.env): Promise<Dispatch> {
  const demoConnections = demo ? demoConnectionsFromEnv(env) : undefined;
  await mkdir(dataDir, { recursive: true });
  await removeStalePartFiles(dataDir, exportIdleMs);
  await removeStaleTempFiles(dataDir);
  const log = (line: string): void => console.error(line);
  const vault = createKeychainVault();
  const connections = createConnectionsStore(dataDir);
  // Start-up goes on without the sweep: a locked keychain or an unreadable file is reported
  // where it matters (the Connections screen), and an orphan waits for the next start.
  await removeOrphanedSecrets(connections, vault).then(
    (removed) => removed.length > 0 && log(`Removed ${removed.length} keychain entries whose connection is gone.`),
    (error: unknown) => log(`Orphaned keychain entries were not looked for: ${error instanceof Error ? error.message : String(error)}`),
  );
  const handlers = createHandlers({
    vault,
    connections,
    name: appName,
    version: appVersion,
    transport,
    dataDir,
    demoConnections,
    http: httpOptionsFromEnv(env),
    chooseSavePath,
    showNotification,
  });
  if (demoConnections) {
    await ensureDemoConnections(demoConnections, {
      list: handlers['connections.list'],
      add: handlers['connections.add'],
      update: handlers['connections.update'],
    });
  }
  return createDispatch(handlers, log);
}
