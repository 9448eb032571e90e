// Opens Reskontra: the Electron window where Electron can run, browser mode otherwise.
// Flags: --demo (sandboxes and demo connections), --browser forces browser mode, --port N picks its
// port. RESKONTRA_DATA_DIR sets the data folder. With --demo this launcher starts the sandboxes
// (configured by SANDBOX_SEED, SANDBOX_SCALE, SANDBOX_FAULTS, SANDBOX_PORT_BASE, as for `npm run
// sandbox`) and hands main their demo connections as data in its environment: the app itself never
// contains sandbox code. The sandboxes live in this process and stop with it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const missing = { missing: 'the Electron binary is not installed (it cannot be downloaded here)' };
  if (!existsSync(pathFile)) return missing;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return missing;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: 'there is no display to open a window on' };
  }
  return { binary };
}

/** Can keytar reach a Secret Service here? Asked of keytar itself, in a child that may fail. */
function hasKeychain() {
  if (process.platform !== 'linux') return true;
  const probe = spawnSync(
    process.execPath,
    ['-e', "require('keytar').findCredentials('Reskontra').then(() => process.exit(0), () => process.exit(1))"],
    { cwd: root, timeout: 10_000, stdio: 'ignore' },
  );
  return probe.status === 0;
}

/** Starts the sandboxes (TypeScript, loaded through tsx) and puts the demo connections in our environment. */
async function startDemoSandboxes() {
  const { tsImport } = await import('tsx/esm/api');
  const { startDemoSandboxes: start } = await tsImport('../sandbox/start-demo-sandboxes.ts', import.meta.url);
  try {
    const { env } = await start(process.env);
    Object.assign(process.env, env);
  } catch (error) {
    console.error(`The demo sandboxes could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** Runs a child in the foreground: Ctrl-C goes to it, and its exit is ours. */
function runChild(command, childArgs) {
  const child = spawn(command, childArgs, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (args.includes('--demo') && !process.env.RESKONTRA_KEYRING_READY && !hasKeychain()) {
  // A headless Linux box has no Secret Service: demo mode then runs inside a throwaway one (a private
  // D-Bus session with a temporary gnome-keyring) rather than keep secrets anywhere else.
  console.log('No keychain is running here; demo mode uses a temporary gnome-keyring, deleted when it stops.');
  runChild('bash', [join(root, 'scripts', 'with-keyring.sh'), process.execPath, fileURLToPath(import.meta.url), ...args]);
} else {
  if (args.includes('--demo')) await startDemoSandboxes();
  const electron = args.includes('--browser') ? { missing: null } : electronBinary();
  if (electron.binary) {
    runChild(electron.binary, [root, ...args]);
  } else {
    if (electron.missing) console.log(`Electron cannot run here: ${electron.missing}; starting browser mode.`);
    await import(join(root, 'out', 'main', 'browser-mode.js'));
  }
}
