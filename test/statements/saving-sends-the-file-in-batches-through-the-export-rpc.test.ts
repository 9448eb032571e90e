import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { maxExportChunkLength } from '../../src-shared/rpc/export-methods';
import { invoiceListStatement } from '../../src-renderer/statements/invoice-list-statement';
import { batches, saveStatement, type ExportCall } from '../../src-renderer/statements/save-statement';
import { statementRows } from '../../src-renderer/statements/statement';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { exportRpc } from '../export/support/export-rpc';
import { invoice } from '../support/records';

async function* chunks(...texts: string[]): AsyncGenerator<string> {
  yield* texts;
}

async function collect(source: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const item of source) all.push(item);
  return all;
}

describe('saving a statement', () => {
  it('writes exactly the encoded file through begin/append/commit, in batches within the limit, and keeps the same bytes for a download', async () => {
    const rpc = await exportRpc();
    const sizes: number[] = [];
    const call: ExportCall = (method, input) => {
      if (method === 'export.append') sizes.push((input as { chunk: string }).chunk.length);
      return rpc.call(method, input);
    };
    // About 3 MB of text: several batches.
    const rows = Array.from({ length: 30_000 }, (_, i) => toInvoiceRow(invoice('aptic-1', String(100_000 + i), { customer: { name: `Kund Åkesson ${i} "AB"; ${'x'.repeat(40)}`, number: null } }), '2025-06-30'));
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
    expect(Math.max(...sizes)).toBeLessThanOrEqual(maxExportChunkLength);
  });

  it('answers cancelled when the user closes the save dialog, and writes nothing', async () => {
    const rpc = await exportRpc(async () => null);
    const statement = invoiceListStatement([], { filter: {}, sort: { column: 'number', direction: 'asc' }, today: '2025-06-30', language: 'en', connectionLabels: new Map() });
    expect(await saveStatement(statement, csvFormat('rfc4180'), rpc.call)).toEqual({ status: 'cancelled' });
  });

  it('joins chunks up to the limit and never cuts a surrogate pair in two', async () => {
    expect(await collect(batches(chunks('ab', 'cd', 'ef'), 4))).toEqual(['abcd', 'ef']);
    expect(await collect(batches(chunks('abc😀def'), 4))).toEqual(['abc', '😀de', 'f']);
  });
});
