import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { saveStatement } from '../../src-renderer/statements/save-statement';
import { sieStatement } from '../../src-renderer/accounting/sie-statement';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { begin, exportRpc } from './support/export-rpc';
import { sampleAccounts, sampleCompany, samplePeriod } from '../accounting/support/sample-period';
import { readSie, sieProblems } from '../support/sie-reader';

describe('an export that is not UTF-8 text', () => {
  it('writes the bytes as they are: PC-8 å ä ö arrive as 0x86 0x84 0x94', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'Demo_202501_SIE4I.se');
    await rpc.call('export.appendBytes', { exportId, bytes: new Uint8Array([0x86, 0x84, 0x94, 0x0d, 0x0a]) });
    const { path, bytes } = await rpc.call('export.commit', { exportId });
    expect(bytes).toBe(5);
    expect([...(await readFile(path))]).toEqual([0x86, 0x84, 0x94, 0x0d, 0x0a]);
  });

  it('saves an SIE statement through the export RPC under its own name, read back whole', async () => {
    const rpc = await exportRpc();
    const statement = sieStatement(samplePeriod(), {
      from: '2025-01-01', to: '2025-01-31', language: 'sv', accounts: sampleAccounts, company: sampleCompany,
      program: { name: 'Reskontra', version: 'test' }, generated: '2025-02-03',
    });
    const saved = await saveStatement(statement, csvFormat('rfc4180'), rpc.call);
    if (saved.status !== 'saved') throw new Error('not saved');
    expect(saved.fileName).toBe('Akesson_Soner_AB_202501_SIE4I.se');
    const written = new Uint8Array(await readFile(saved.path));
    expect(Buffer.from(written).equals(Buffer.from(statement.file!.bytes))).toBe(true);
    expect(sieProblems(readSie(written))).toEqual([]);
  });
});
