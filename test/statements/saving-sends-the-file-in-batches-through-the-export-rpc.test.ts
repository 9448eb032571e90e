import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { utf8Batches } from '../../src-shared/csv/utf8-batches';
import { maxExportBatchBytes } from '../../src-shared/rpc/export-methods';
import { invoiceListStatement } from '../../src-renderer/statements/invoice-list-statement';
import { saveStatement, type ExportCall } from '../../src-renderer/statements/save-statement';
import { statementRows } from '../../src-renderer/statements/statement';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { exportRpc } from '../export/support/export-rpc';
import { invoice } from '../support/records';

describe('saving a statement', () => {
  it('writes exactly the encoded file through begin/append/commit, in batches within the limit, and keeps the same bytes for a download', async () => {
    const rpc = await exportRpc();
    const sizes: number[] = [];
    const call: ExportCall = (method, input) => {
      if (method === 'export.appendBytes') sizes.push((input as { bytes: Uint8Array }).bytes.byteLength);
      return rpc.call(method, input);
    };
    // About 9 MB of text: several batches.
    const rows = Array.from({ length: 30_000 }, (_, i) => toInvoiceRow(invoice('aptic-1', String(100_000 + i), { customer: { name: `Kund Åkesson ${i} "AB"; ${'x'.repeat(200)}`, number: null } }), '2025-06-30'));
    const statement = invoiceListStatement(rows, { filter: {}, sort: { column: 'number', direction: 'asc' }, today: '2025-06-30', language: 'sv', connectionLabels: new Map([['aptic-1', 'Aptic']]) });
    const format = csvFormat('excel-nordic');

    const saved = await saveStatement(statement, format, call, { keepCopy: true });
    if (saved.status !== 'saved') throw new Error('not saved');
    const expected = Buffer.from(encodeCsvToString(statementRows(statement), format));
    expect(saved.fileName).toBe('reskontra-invoices-2025-06-30.csv');
    // Buffer.equals: a deep comparison of 4 MB byte by byte takes vitest most of a minute.
    expect((await readFile(saved.path)).equals(expected)).toBe(true);
    expect(Buffer.from(await saved.copy!.arrayBuffer()).equals(expected)).toBe(true);
    expect(saved.bytes).toBe(expected.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBe(maxExportBatchBytes);
  });

  it('answers cancelled when the user closes the save dialog, and writes nothing', async () => {
    const rpc = await exportRpc(async () => null);
    const statement = invoiceListStatement([], { filter: {}, sort: { column: 'number', direction: 'asc' }, today: '2025-06-30', language: 'en', connectionLabels: new Map() });
    expect(await saveStatement(statement, csvFormat('rfc4180'), rpc.call)).toEqual({ status: 'cancelled' });
  });

  it('fills each batch up to the limit and never cuts a character in two', () => {
    const decode = new TextDecoder('utf-8', { fatal: true });
    const pieces = (chunks: string[], limit: number) => [...utf8Batches(chunks, limit)].map((batch) => decode.decode(batch));
    expect(pieces(['ab', 'cd', 'ef'], 4)).toEqual(['abcd', 'ef']);
    // 😀 is four bytes, å two: a batch ends before a character that does not fit whole.
    expect(pieces(['ab', 'c😀d', 'åå'], 4)).toEqual(['abc', '😀', 'då', 'å']);
  });
});
