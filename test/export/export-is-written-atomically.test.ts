import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportHandlers } from '../../src-main/export/export-handlers';
import { exportsFolder } from '../../src-main/export/save-target';
import { begin, exportRpc } from './support/export-rpc';

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('export to a file', () => {
  it('shows no file under its name until commit, then the whole file at once', async () => {
    const rpc = await exportRpc();
    const folder = exportsFolder(rpc.dataDir);
    const { exportId, fileName } = await begin(rpc, 'reskontra-factoring-2025-01.csv');
    expect(fileName).toBe('reskontra-factoring-2025-01.csv');

    expect(await rpc.call('export.append', { exportId, chunk: '\uFEFFKund;Belopp\r\n' })).toEqual({ bytes: 16 });
    expect(await rpc.call('export.append', { exportId, chunk: 'Åkesson AB;-150,00\r\n' })).toEqual({ bytes: 37 });
    const before = await readdir(folder);
    expect(before).not.toContain(fileName);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatch(new RegExp(`^\\.reskontra-factoring-2025-01\\.csv\\.reskontra-${process.pid}-[0-9a-f]{8}\\.part$`));
    expect(await readdir(join(rpc.dataDir, 'exports-in-progress'))).toEqual(before);

    const committed = await rpc.call('export.commit', { exportId });
    expect(committed).toEqual({ path: join(folder, fileName), fileName, bytes: 37, summary: null });
    expect(await readdir(folder)).toEqual([fileName]);
    expect(await readdir(join(rpc.dataDir, 'exports-in-progress'))).toEqual([]);
    expect(await readFile(committed.path, 'utf8')).toBe('\uFEFFKund;Belopp\r\nÅkesson AB;-150,00\r\n');
    expect((await stat(committed.path)).size).toBe(37);
  });

  it('leaves nothing behind on abort', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    await rpc.call('export.append', { exportId, chunk: 'a;b\r\n' });
    expect(await rpc.call('export.abort', { exportId })).toEqual({ aborted: true });
    expect(await readdir(exportsFolder(rpc.dataDir))).toEqual([]);
    expect(await readdir(join(rpc.dataDir, 'exports-in-progress'))).toEqual([]);
    expect(await rpc.fail('export.commit', { exportId })).toMatchObject({ code: 'not_found' });
  });

  it('keeps an earlier export of the same name when there is no save dialog', async () => {
    const rpc = await exportRpc();
    for (const content of ['first\r\n', 'second\r\n', 'third\r\n']) {
      const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
      await rpc.call('export.append', { exportId, chunk: content });
      await rpc.call('export.commit', { exportId });
    }
    const folder = exportsFolder(rpc.dataDir);
    expect((await readdir(folder)).sort()).toEqual(['reskontra-invoices-2.csv', 'reskontra-invoices-3.csv', 'reskontra-invoices.csv']);
    expect(await readFile(join(folder, 'reskontra-invoices.csv'), 'utf8')).toBe('first\r\n');
    expect(await readFile(join(folder, 'reskontra-invoices-3.csv'), 'utf8')).toBe('third\r\n');
  });

  it('writes where the save dialog says, replacing the file the user agreed to replace', async () => {
    const chosenFolder = await mkdtemp(join(tmpdir(), 'reskontra-chosen-'));
    const chosen = join(chosenFolder, 'Fakturor januari.csv');
    await writeFile(chosen, 'old');
    const asked: string[] = [];
    const rpc = await exportRpc(async (suggestedName) => {
      asked.push(suggestedName);
      return chosen;
    });
    const { exportId, fileName } = await begin(rpc, 'reskontra-invoices-2025-01.csv');
    expect(asked).toEqual(['reskontra-invoices-2025-01.csv']);
    expect(fileName).toBe('Fakturor januari.csv');
    await rpc.call('export.append', { exportId, chunk: 'new\r\n' });
    expect(await readFile(chosen, 'utf8')).toBe('old');
    expect(await rpc.call('export.commit', { exportId })).toEqual({ path: chosen, fileName: 'Fakturor januari.csv', bytes: 5, summary: null });
    expect(await readFile(chosen, 'utf8')).toBe('new\r\n');
    expect(await readdir(chosenFolder)).toEqual(['Fakturor januari.csv']);
  });

  it('starts nothing when the user cancels the save dialog', async () => {
    const rpc = await exportRpc(async () => null);
    expect(await rpc.call('export.begin', { suggestedName: 'reskontra-invoices.csv' })).toEqual({ status: 'cancelled' });
  });

  it('says which folder it could not write to', async () => {
    const missing = join(tmpdir(), 'reskontra-no-such-folder', 'x.csv');
    const rpc = await exportRpc(async () => missing);
    const error = await rpc.fail('export.begin', { suggestedName: 'reskontra-invoices.csv' });
    expect(error.message).toBe(`Could not create a file in "${join(tmpdir(), 'reskontra-no-such-folder')}": the folder does not exist.`);
  });

  it('writes appends that arrive together in the order they were sent', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    const lines = Array.from({ length: 50 }, (_, i) => `row ${i}\r\n`);
    const appended = lines.map((chunk) => rpc.call('export.append', { exportId, chunk }));
    const committed = rpc.call('export.commit', { exportId });
    await Promise.all(appended);
    expect(await readFile((await committed).path, 'utf8')).toBe(lines.join(''));
  });

  it('discards an export left idle, temp file and all', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-idle-'));
    const handlers = exportHandlers({ dataDir, idleMs: 30 });
    const begun = await handlers['export.begin']({ suggestedName: 'reskontra-invoices.csv' });
    if (begun.status !== 'started') throw new Error('not started');
    await handlers['export.append']({ exportId: begun.exportId, chunk: 'a\r\n' });
    const folder = exportsFolder(dataDir);
    await waitFor(async () => (await readdir(folder)).length === 0);
    expect(await readdir(folder)).toEqual([]);
    await expect(handlers['export.append']({ exportId: begun.exportId, chunk: 'b' })).rejects.toThrow(/no export in progress/);
  });

  it('refuses to pile up exports nobody finishes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-many-'));
    await mkdir(exportsFolder(dataDir));
    const handlers = exportHandlers({ dataDir, maxOpen: 2 });
    await handlers['export.begin']({ suggestedName: 'a.csv' });
    await handlers['export.begin']({ suggestedName: 'b.csv' });
    await expect(handlers['export.begin']({ suggestedName: 'c.csv' })).rejects.toThrow(
      '2 exports are already in progress; finish or abort one first.',
    );
  });
});
