import { readFile, stat } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsv } from '../../src-shared/csv/encode-csv';
import { maxExportChunkLength } from '../../src-shared/rpc/export-methods';
import { invoiceRows } from '../csv/support/invoice-rows';
import { begin, exportRpc } from './support/export-rpc';

describe('a 100,000-row export', () => {
  it('streams from the encoder to the file in chunks and reads back whole', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    let appends = 0;
    let largest = 0;
    let lastBytes = 0;
    for await (const chunk of encodeCsv(invoiceRows(100_000), csvFormat('excel-nordic'))) {
      const { bytes } = await rpc.call('export.append', { exportId, chunk });
      expect(bytes).toBeGreaterThan(lastBytes);
      lastBytes = bytes;
      appends++;
      largest = Math.max(largest, chunk.length);
    }
    const { path, bytes } = await rpc.call('export.commit', { exportId });

    expect(appends).toBeGreaterThan(100);
    expect(largest).toBeLessThan(maxExportChunkLength);
    expect(bytes).toBe(lastBytes);
    expect((await stat(path)).size).toBe(bytes);

    const raw = await readFile(path);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(raw.toString('utf8'), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(100_001);
    expect(parsed.data[0]?.slice(0, 3)).toEqual(['Number', 'Customer', 'Customer number']);
    expect(parsed.data[4]).toEqual(['10003', 'Müller; "Export" GmbH', 'C-3', '2025-04-04', '2025-04-28', 'SEK', '337,57', '337,57', '0,00', 'in-collection', 'own-ledger']);
    expect(parsed.data[100_000]?.[0]).toBe('109999');
  });

  it('refuses a chunk too large for one request', async () => {
    const rpc = await exportRpc();
    const { exportId } = await begin(rpc, 'reskontra-invoices.csv');
    const error = await rpc.fail('export.append', { exportId, chunk: 'x'.repeat(maxExportChunkLength + 1) });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^Invalid input for export.append: chunk: /);
    expect(await rpc.call('export.append', { exportId, chunk: 'x'.repeat(maxExportChunkLength) })).toEqual({ bytes: maxExportChunkLength });
  });
});
