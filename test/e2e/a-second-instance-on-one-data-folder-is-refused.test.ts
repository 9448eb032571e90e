import { spawn } from 'node:child_process';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserMode, type RunningApp } from '../support/browser-mode';

// Two real processes of the built app (npm run build first) on one data folder.

let running: RunningApp[] = [];
let folders: string[] = [];
afterEach(async () => {
  for (const app of running) await app.stop();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
  running = [];
  folders = [];
});

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'reskontra-one-folder-'));
  folders.push(folder);
  return folder;
}

describe('two Reskontras on one data folder', () => {
  it('refuses the second, pointing at the first one’s address and never at its token', async () => {
    const dataDir = await dataFolder();
    const first = await startBrowserMode(['--browser', '--port', '0'], { RESKONTRA_DATA_DIR: dataDir });
    running.push(first);

    const refused = await startBrowserMode(['--browser', '--port', '0'], { RESKONTRA_DATA_DIR: dataDir }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(refused).toContain(`Reskontra is already running with this data folder at ${first.origin}/; open that address.`);
    expect(refused).not.toContain(first.token);
    expect(await readFile(join(dataDir, 'reskontra.lock'), 'utf8')).not.toContain(first.token);
  });

  it('takes over the lock a killed process left, and frees it on Ctrl-C', async () => {
    const dataDir = await dataFolder();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(join(dataDir, 'reskontra.lock'), JSON.stringify({ pid: gone.pid, startedAt: Date.now() - 60_000, address: 'http://127.0.0.1:1/' }));

    const app = await startBrowserMode(['--browser', '--port', '0'], { RESKONTRA_DATA_DIR: dataDir });
    const lock = JSON.parse(await readFile(join(dataDir, 'reskontra.lock'), 'utf8')) as { pid: number; address: string };
    expect(lock.address).toBe(`${app.origin}/`);
    expect(lock.pid).toBe(app.process.pid);
    app.process.kill('SIGINT');
    await new Promise((resolve) => app.process.once('exit', resolve));
    await expect(readFile(join(dataDir, 'reskontra.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
