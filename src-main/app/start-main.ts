import { mkdir } from 'node:fs/promises';
import type { Transport } from '../../src-shared/rpc/app-methods';
import { demoConnectionsFromEnv } from '../demo/demo-connections-from-env';
import { ensureDemoConnections } from '../demo/demo-connections';
import { exportIdleMs } from '../export/export-handlers';
import type { ChooseSavePath } from '../export/save-target';
import { removeStalePartFiles } from '../export/stale-part-files';
import { createHandlers } from '../rpc/create-handlers';
import { createDispatch, type Dispatch } from '../rpc/dispatch';
import { appName, appVersion } from './app-identity';
import { httpOptionsFromEnv } from './http-env';

export interface MainStart {
  transport: Transport;
  dataDir: string;
  /** Demo mode: the demo connections come from the environment the demo launcher set. */
  demo: boolean;
  chooseSavePath?: ChooseSavePath;
}

/**
 * Both launchers' start-up, once: the data folder, half-written exports a killed run left
 * removed, the handler table, and in demo mode the demo
 * connections added (or refreshed) through the same handlers as the user's own.
 */
export async function startMain({ transport, dataDir, demo, chooseSavePath }: MainStart, env: NodeJS.ProcessEnv = process.env): Promise<Dispatch> {
  const demoConnections = demo ? demoConnectionsFromEnv(env) : undefined;
  await mkdir(dataDir, { recursive: true });
  await removeStalePartFiles(dataDir, exportIdleMs);
  const handlers = createHandlers({
    name: appName,
    version: appVersion,
    transport,
    dataDir,
    demoConnections,
    http: httpOptionsFromEnv(env),
    chooseSavePath,
  });
  if (demoConnections) {
    await ensureDemoConnections(demoConnections, {
      list: handlers['connections.list'],
      add: handlers['connections.add'],
      update: handlers['connections.update'],
    });
  }
  return createDispatch(handlers, (line) => console.error(line));
}
