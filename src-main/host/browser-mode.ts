import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../app/data-dir';
import { acquireInstanceLock, alreadyRunningMessage } from '../app/instance-lock';
import { parseLaunchOptions } from '../app/launch-options';
import { startMain } from '../app/start-main';
import { startHost, type RunningHost } from './host-server';

/**
 * The usual ports: the page's origin (and so its IndexedDB cache) stays the same from one launch
 * to the next. Demo mode has its own, so its cache never mixes with the user's.
 */
const usualPort = { normal: 47_800, demo: 47_801 };

/** Entry point of browser mode: `node out/main/browser-mode.js [--demo] [--port N]`. */
async function main(): Promise<void> {
  // Handlers go in first: a Ctrl-C that arrives while starting (or right after the address line
  // is printed) still closes everything that was started.
  const closers: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    Promise.all(closers.map((close) => close())).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const options = parseLaunchOptions(process.argv.slice(2).filter((arg) => arg !== '--browser'));
  const dataDir = resolveDataDir(process.env, process.platform, options.demo);
  const attempt = await acquireInstanceLock(dataDir);
  if (!attempt.ok) {
    console.error(alreadyRunningMessage(attempt.holder));
    process.exit(1);
  }
  closers.push(async () => attempt.lock.release());
  const dispatch = await startMain({ transport: 'browser', dataDir, demo: options.demo });

  const hostOptions = {
    dispatch,
    token: randomBytes(24).toString('base64url'),
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  };
  let host: RunningHost;
  if (options.port !== null) host = await startHost({ ...hostOptions, port: options.port });
  else {
    const preferred = options.demo ? usualPort.demo : usualPort.normal;
    host = await startHost({ ...hostOptions, port: preferred }).catch(() => startHost({ ...hostOptions, port: 0 }));
  }
  closers.push(() => host.close());
  await attempt.lock.setAddress(`${new URL(host.url).origin}/`);
  if (stopping) return;
  console.log(`Reskontra is running at ${host.url}`);
}

main().catch((error: unknown) => {
  console.error(`Reskontra could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
