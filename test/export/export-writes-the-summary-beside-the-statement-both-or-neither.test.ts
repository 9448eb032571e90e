import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsFolder } from '../../src-main/export/save-target';
import { begin, exportRpc } from './support/export-rpc';

const statement = '\uFEFFDatum;Belopp (+ in, − ut)\r\n2025-01-31;-9,00\r\n';
const summary = '\uFEFFPost;Valuta;Belopp\r\nUtgående saldo;SEK;0,00\r\n';

describe('a statement and its summary file', () => {
  it('appear together on commit, the summary named after the statement, with no part file left', async () => {
    const rpc = await exportRpc();
    const folder = exportsFolder(rpc.dataDir);
    const { exportId } = await begin(rpc, 'reskontra-factoring-2025-01.csv');
    await rpc.call('export.append', { exportId, chunk: statement });
    const committed = await rpc.call('export.commit', { exportId, summary });
    const summaryPath = join(folder, 'reskontra-factoring-2025-01.summary.csv');
    expect(committed.summary).toEqual({ path: summaryPath, fileName: 'reskontra-factoring-2025-01.summary.csv', bytes: Buffer.byteLength(summary) });
    expect((await readdir(folder)).sort()).toEqual(['reskontra-factoring-2025-01.csv', 'reskontra-factoring-2025-01.summary.csv']);
    expect(await readFile(committed.path, 'utf8')).toBe(statement);
    expect(await readFile(summaryPath, 'utf8')).toBe(summary);
    // Business records like the statement: readable by the owner only.
    if (process.platform !== 'win32') expect((await stat(summaryPath)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(rpc.dataDir, 'exports-in-progress'))).toEqual([]);
  });

  it('take the next number together when either name is taken, never overwriting an earlier summary', async () => {
    const rpc = await exportRpc();
    const folder = exportsFolder(rpc.dataDir);
    await mkdir(folder, { recursive: true });
    // Only the summary of an earlier export is left: the pair still moves on to -2.
    await writeFile(join(folder, 'reskontra-factoring-2025-01.summary.csv'), 'earlier');
    const { exportId } = await begin(rpc, 'reskontra-factoring-2025-01.csv');
    await rpc.call('export.append', { exportId, chunk: statement });
    const committed = await rpc.call('export.commit', { exportId, summary });
    expect(committed.fileName).toBe('reskontra-factoring-2025-01-2.csv');
    expect(committed.summary?.fileName).toBe('reskontra-factoring-2025-01-2.summary.csv');
    expect((await readdir(folder)).sort()).toEqual([
      'reskontra-factoring-2025-01-2.csv',
      'reskontra-factoring-2025-01-2.summary.csv',
      'reskontra-factoring-2025-01.summary.csv',
    ]);
    expect(await readFile(join(folder, 'reskontra-factoring-2025-01.summary.csv'), 'utf8')).toBe('earlier');
  });

  it('are both or neither: when the summary cannot be placed, the statement is taken out again', async () => {
    const chosenFolder = await mkdtemp(join(tmpdir(), 'reskontra-chosen-'));
    const chosen = join(chosenFolder, 'Factoring januari.csv');
    // A folder where the summary should go (with something in it) makes its rename fail.
    await mkdir(join(chosenFolder, 'Factoring januari.summary.csv'));
    await writeFile(join(chosenFolder, 'Factoring januari.summary.csv', 'keep.txt'), 'x');
    const rpc = await exportRpc(async () => chosen);
    const { exportId } = await begin(rpc, 'reskontra-factoring-2025-01.csv');
    await rpc.call('export.append', { exportId, chunk: statement });
    const failure = await rpc.fail('export.commit', { exportId, summary });
    expect(failure.message).toContain('Factoring januari.summary.csv');
    expect(await readdir(chosenFolder)).toEqual(['Factoring januari.summary.csv']);
    expect(await readdir(join(chosenFolder, 'Factoring januari.summary.csv'))).toEqual(['keep.txt']);
    expect(await readdir(join(rpc.dataDir, 'exports-in-progress'))).toEqual([]);
  });

  it('refuses a summary longer than one message', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-factoring-2025-01.csv');
    expect(await rpc.fail('export.commit', { exportId, summary: 'x'.repeat(1024 * 1024 + 1) })).toMatchObject({ code: 'invalid_input' });
  });
});
