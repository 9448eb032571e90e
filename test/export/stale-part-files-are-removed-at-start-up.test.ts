import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startMain } from '../../src-main/app/start-main';
import { exportsFolder } from '../../src-main/export/save-target';
import { begin, exportRpc } from './support/export-rpc';

const hangingExporter = join(import.meta.dirname, 'support', 'export-then-hang.ts');

/** Runs the exporter in its own process until it has written part of two exports, then kills it with SIGKILL. */
async function killMidExport(dataDir: string, chosenPath: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', hangingExporter, dataDir, chosenPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line === 'writing' && resolve());
    child.once('exit', (code) => reject(new Error(`the exporter exited with ${code}: ${errors.join('')}`)));
  });
  child.kill('SIGKILL');
  await exited;
}

const hidden = (names: string[]): string[] => names.filter((name) => name.startsWith('.'));

describe('start-up after a kill -9 mid-export', () => {
  it('removes the half-written exports the killed process left, in the exports folder and where the dialog pointed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-killed-'));
    const chosenFolder = await mkdtemp(join(tmpdir(), 'reskontra-killed-chosen-'));
    await killMidExport(dataDir, join(chosenFolder, 'Fakturor.csv'));

    const partName = /^\.reskontra-invoices\.csv\.reskontra-\d+-[0-9a-f]{8}\.part$/;
    const fakturorPart = /^\.Fakturor\.csv\.reskontra-\d+-[0-9a-f]{8}\.part$/;
    expect(await readdir(exportsFolder(dataDir))).toEqual([expect.stringMatching(partName)]);
    expect(await readdir(chosenFolder)).toEqual([expect.stringMatching(fakturorPart)]);

    await startMain({ transport: 'browser', dataDir, demo: false }, {});

    expect(await readdir(exportsFolder(dataDir))).toEqual([]);
    expect(await readdir(chosenFolder)).toEqual([]);
  });

  it('keeps an export in progress in a live process, and hidden files Reskontra did not make', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    await rpc.call('export.append', { exportId, chunk: 'a;b\r\n' });
    const folder = exportsFolder(rpc.dataDir);
    const others = ['.notes.csv.1234abcd.part', '.reskontra-invoices.csv.reskontra-x-12345678.part', 'report.csv.part'];
    for (const name of others) await writeFile(join(folder, name), 'not ours');
    const before = (await readdir(folder)).sort();

    await startMain({ transport: 'browser', dataDir: rpc.dataDir, demo: false }, {});

    expect((await readdir(folder)).sort()).toEqual(before);
    await rpc.call('export.commit', { exportId });
    expect(hidden(await readdir(folder)).sort()).toEqual(others.filter((name) => name.startsWith('.')).sort());
  });

  it('removes a part file of this very process id when it is older than this process (the id was reused)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-reused-'));
    const folder = exportsFolder(dataDir);
    await mkdir(folder);
    const reused = join(folder, `.reskontra-invoices.csv.reskontra-${process.pid}-0badf00d.part`);
    await writeFile(reused, 'from an earlier launch');
    const longAgo = new Date(performance.timeOrigin - 60_000);
    await utimes(reused, longAgo, longAgo);

    await startMain({ transport: 'browser', dataDir, demo: false }, {});

    expect(await readdir(folder)).toEqual([]);
  });
});
