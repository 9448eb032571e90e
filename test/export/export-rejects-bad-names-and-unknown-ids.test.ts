import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exportsFolder } from '../../src-main/export/save-target';
import { begin, exportRpc } from './support/export-rpc';

describe('export input checks', () => {
  it.each([
    ['../escape.csv', 'suggestedName: the file name may not contain a folder ("/" or "\\")'],
    ['/etc/cron.d/x.csv', 'suggestedName: the file name may not contain a folder'],
    ['..\\escape.csv', 'suggestedName: the file name may not contain a folder'],
    ['report.xlsx', 'suggestedName: the file name must end with ".csv"'],
    ['', 'suggestedName: the file name is empty'],
    ['.bashrc.csv', 'suggestedName: the file name may not start with "."'],
    ['nul.csv', 'suggestedName: "nul.csv" is a name Windows reserves'],
    ['CONOUT$.csv', 'suggestedName: "CONOUT$.csv" is a name Windows reserves'],
    ['COM³.csv', 'suggestedName: "COM³.csv" is a name Windows reserves'],
    [`${'ø'.repeat(174)}.csv`, 'suggestedName: the file name is longer than 250 bytes'],
  ])('rejects the suggested name %j with a message saying why', async (suggestedName, message) => {
    const rpc = await exportRpc();
    const error = await rpc.fail('export.begin', { suggestedName });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(`Invalid input for export.begin: ${message}`);
    await expect(readdir(exportsFolder(rpc.dataDir))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a missing name or unknown fields', async () => {
    const rpc = await exportRpc();
    expect(await rpc.fail('export.begin', {})).toMatchObject({ code: 'invalid_input' });
    const error = await rpc.fail('export.begin', { suggestedName: 'a.csv', folder: '/tmp' });
    expect(error.message).toMatch(/Invalid input for export.begin: .*folder/);
  });

  it('rejects an export id that is not one', async () => {
    const rpc = await exportRpc();
    const error = await rpc.fail('export.append', { exportId: '../../x', chunk: 'a' });
    expect(error).toEqual({ code: 'invalid_input', message: 'Invalid input for export.append: exportId: not an export id' });
  });

  it.each(['export.append', 'export.commit', 'export.abort'] as const)('answers not_found from %s for an id it does not know', async (method) => {
    const rpc = await exportRpc();
    const exportId = '6f1c1f9e-4a53-4d8e-9d55-2b1b2c3d4e5f';
    const error = await rpc.fail(method, method === 'export.append' ? { exportId, chunk: 'a' } : { exportId });
    expect(error.code).toBe('not_found');
    expect(error.message).toContain(`There is no export in progress with id "${exportId}"`);
  });

  it('forgets an export once it is committed', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    await rpc.call('export.commit', { exportId });
    expect(await rpc.fail('export.append', { exportId, chunk: 'late' })).toMatchObject({ code: 'not_found' });
    expect(await rpc.fail('export.abort', { exportId })).toMatchObject({ code: 'not_found' });
  });
});
