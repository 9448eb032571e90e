import { chmod, mkdir, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsFolder } from '../../src-main/export/save-target';
import { begin, exportRpc } from './support/export-rpc';

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

// Windows has no such modes; there the folder's ACL (the user's profile) decides.
describe.skipIf(process.platform === 'win32')('export file permissions', () => {
  it('writes exports 0600 in an exports folder that is 0700, like connections.json', async () => {
    const previous = process.umask(0o022);
    try {
      const rpc = await exportRpc();
      const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
      await rpc.call('export.append', { exportId, chunk: 'a;b\r\n' });
      const { path } = await rpc.call('export.commit', { exportId });
      expect((await mode(path)).toString(8)).toBe('600');
      expect((await mode(exportsFolder(rpc.dataDir))).toString(8)).toBe('700');
    } finally {
      process.umask(previous);
    }
  });

  it('closes an exports folder an earlier version left world-readable', async () => {
    const rpc = await exportRpc();
    await mkdir(exportsFolder(rpc.dataDir));
    await chmod(exportsFolder(rpc.dataDir), 0o755);
    await begin(rpc, 'reskontra-invoices.csv');
    expect((await mode(exportsFolder(rpc.dataDir))).toString(8)).toBe('700');
  });

  it('writes 0600 where the save dialog points, leaving the chosen folder as it is', async () => {
    const chosenFolder = await mkdtemp(join(tmpdir(), 'reskontra-chosen-mode-'));
    await chmod(chosenFolder, 0o755);
    const rpc = await exportRpc(async () => join(chosenFolder, 'Fakturor.csv'));
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    const { path } = await rpc.call('export.commit', { exportId });
    expect((await mode(path)).toString(8)).toBe('600');
    expect((await mode(chosenFolder)).toString(8)).toBe('755');
  });
});
