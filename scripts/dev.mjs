// The inner loop. Where Electron can run: `electron-vite dev` (hot reload). Where it cannot (no
// Electron binary, no display): build, serve browser mode, and on every change under src-* build
// again and restart the host, which prints its address line anew. Flags go to the app
// (--demo, --port N); Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((arg) => arg !== '--browser');
const electronVite = join(root, 'node_modules', '.bin', 'electron-vite');

function electronCanRun() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (process.argv.includes('--browser') || !existsSync(pathFile)) return false;
  if (!existsSync(join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()))) return false;
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Runs to completion; resolves with the exit code. */
function run(command, commandArgs) {
  return new Promise((resolve) => {
    spawn(command, commandArgs, { cwd: root, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1));
  });
}

if (electronCanRun()) {
  const child = spawn(electronVite, ['dev', '--', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron cannot run here; serving browser mode, rebuilt on every change.');
  let host = null;
  const stopHost = () =>
    new Promise((resolve) => {
      if (!host || host.exitCode !== null) return resolve();
      host.once('exit', () => resolve());
      // Its own process group: the keyring wrapper and the sandboxes stop with it.
      process.kill(-host.pid, 'SIGTERM');
    });
  const startHost = () => {
    host = spawn(process.execPath, [join(root, 'scripts', 'start-demo.mjs'), '--browser', ...args], {
      cwd: root,
      stdio: 'inherit',
      detached: true,
    });
  };

  let building = false;
  let again = false;
  const rebuild = async () => {
    if (building) return void (again = true);
    building = true;
    const code = await run(electronVite, ['build', '--logLevel', 'warn']);
    if (code === 0) {
      await stopHost();
      startHost();
    } else {
      console.log('The build failed; the last good build keeps running. Save again to retry.');
    }
    building = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };

  let timer = null;
  for (const folder of ['src-main', 'src-renderer', 'src-shared']) {
    watch(join(root, folder), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), 200);
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void stopHost().then(() => process.exit(0)));
  }
  await rebuild();
}
