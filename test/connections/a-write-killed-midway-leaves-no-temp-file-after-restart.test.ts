import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMain } from '../../src-main/app/start-main';

// Runs under scripts/with-keyring.sh (start-up sweeps the keychain). Found by `npm run crash`
// seed 14: the host SIGKILLed 1,120 ms into connection edits left a temporary file for good.

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
}

describe('start-up after a kill -9 in the middle of a connections.json write', () => {
  it('removes the temporary file the killed process left, and keeps the file itself and what others wrote', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-killed-write-'));
    const file = JSON.stringify({ version: 1, connections: [] });
    await writeFile(join(dataDir, 'connections.json'), file);
    const killed = `connections.json.tmp-${deadPid()}-9b2f4c1e-5d6a-4e8b-8c3d-1f2e3a4b5c6d`;
    const ownOld = `connections.json.tmp-${process.pid}-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`;
    const live = `connections.json.tmp-${process.ppid}-7c6b5a49-3827-4165-8f4e-3d2c1b0a9f8e`;
    const others = ['connections.json.tmp', 'notes.tmp-123-abc'];
    for (const name of [killed, ownOld, live, ...others]) await writeFile(join(dataDir, name), '{"version":1,"conn');
    // This process's own id on a file older than this process: a reused id, so a dead writer.
    const before = new Date(performance.timeOrigin - 60_000);
    await utimes(join(dataDir, ownOld), before, before);

    await startMain({ transport: 'browser', dataDir, demo: false }, {});

    expect((await readdir(dataDir)).sort()).toEqual(['connections.json', live, ...others].sort());
    expect(await readFile(join(dataDir, 'connections.json'), 'utf8')).toBe(file);
  });
});
