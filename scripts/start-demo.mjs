// Opens Reskontra: the Electron window where Electron can run, browser mode otherwise.
// Flags: --browser forces browser mode, --port N picks its port. RESKONTRA_DATA_DIR sets the data folder.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'the Electron binary is not installed (it cannot be downloaded here)' };
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { missing: 'the Electron binary is not installed (it cannot be downloaded here)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { missing: 'there is no display to open a window on' };
  }
  return { binary };
}

const electron = args.includes('--browser') ? { missing: null } : electronBinary();
if (electron.binary) {
  const child = spawn(electron.binary, [root, ...args], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (electron.missing) console.log(`Electron cannot run here: ${electron.missing}; starting browser mode.`);
  await import(join(root, 'out', 'main', 'browser-mode.js'));
}
