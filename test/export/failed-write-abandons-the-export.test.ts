import type * as FsPromises from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { exportsFolder } from '../../src-main/export/save-target';
import { begin, exportRpc } from './support/export-rpc';

// A disk that fills up on demand: every file handle's write fails with ENOSPC while set.
const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'write' && disk.full) {
            return async () => {
              throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
            };
          }
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
});

async function settled(folder: string): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const names = await readdir(folder);
    if (names.length === 0) return names;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return readdir(folder);
}

describe('a write that fails', () => {
  it('says the disk is full, removes the partial file and forgets the export', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    await rpc.call('export.append', { exportId, chunk: 'first\r\n' });
    disk.full = true;
    try {
      const error = await rpc.fail('export.append', { exportId, chunk: 'second\r\n' });
      expect(error.message).toMatch(/^Could not write ".*reskontra-invoices\.csv": the disk is full\.$/);
    } finally {
      disk.full = false;
    }
    expect(await settled(exportsFolder(rpc.dataDir))).toEqual([]);
    expect(await rpc.fail('export.commit', { exportId })).toMatchObject({ code: 'not_found' });
  });

  it('never commits a file with a gap, even when the commit was already on its way', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    disk.full = true;
    try {
      const appended = rpc.fail('export.append', { exportId, chunk: 'lost\r\n' });
      const committed = rpc.fail('export.commit', { exportId });
      expect((await appended).message).toMatch(/the disk is full/);
      expect((await committed).message).toMatch(/could not be written, so the export was abandoned\.$/);
    } finally {
      disk.full = false;
    }
    expect(await settled(exportsFolder(rpc.dataDir))).toEqual([]);
  });
});
