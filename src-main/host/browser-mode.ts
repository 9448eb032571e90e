import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { appName, appVersion } from '../app/app-identity';
import { resolveDataDir } from '../app/data-dir';
import { parseLaunchOptions } from '../app/launch-options';
import { createHandlers } from '../rpc/create-handlers';
import { createDispatch } from '../rpc/dispatch';
import { startHost } from './host-server';

/** Entry point of browser mode: `node out/main/browser-mode.js [--port N]`. */
async function main(): Promise<void> {
  const options = parseLaunchOptions(process.argv.slice(2).filter((arg) => arg !== '--browser'));
  const dataDir = resolveDataDir();
  await mkdir(dataDir, { recursive: true });
  const handlers = createHandlers({ name: appName, version: appVersion, transport: 'browser', dataDir });
  const host = await startHost({
    dispatch: createDispatch(handlers, (line) => console.error(line)),
    token: randomBytes(24).toString('base64url'),
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    port: options.port,
  });
  console.log(`Reskontra is running at ${host.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Reskontra could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
