import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { exportFileName } from '../../src-shared/csv/export-file-name';
import { buildStatement } from '../../src-renderer/statements/build-statement';
import { statementRows, summaryRows } from '../../src-renderer/statements/statement';
import { readBack } from '../csv/support/read-back';
import { goldenData, goldenPresets, goldenRequests } from './support/golden-statements';
import { syncedCache, type SyncedCache } from './support/synced-cache';

const goldenDir = join(import.meta.dirname, 'golden');
// `UPDATE_GOLDEN=1` rewrites the files after an intended change; review the diff before committing.
const update = process.env.UPDATE_GOLDEN === '1';

let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache(goldenData, ['vettig', 'flowtly', 'confirma', 'aptic']);
});

describe.each(goldenPresets)('statements from the seeded sandboxes, $preset in $language', ({ preset, language }) => {
  const names = ['invoices', 'invoices-aptic-open-by-outstanding', 'factoring', 'factoring-2025-01', 'factoring-all', 'collection', 'invoice-history-10429', 'sales-vat-2025-01'];

  it.each(names)('%s is byte for byte its golden file', async (name) => {
    const statement = await buildStatement(cache.db, goldenRequests(cache, language)[name]!);
    const format = csvFormat(preset);
    const text = encodeCsvToString(statementRows(statement), format);
    const file = join(goldenDir, `${name}.${preset}.${language}.csv`);
    if (update) await writeFile(file, text);
    // As text first, for a readable diff; then the bytes (BOM, CRLF, UTF-8) exactly.
    const golden = await readFile(file);
    expect(text).toBe(golden.toString('utf8'));
    expect(Buffer.from(text).equals(golden)).toBe(true);

    // A spreadsheet sees a pure table: one header row, then the data rows, all of the header's width.
    const rows = readBack(text, format);
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([statement.header.length]));
    expect(rows.length).toBe(1 + statement.rowCount);
  });

  it.each(names)('%s has its balances and totals in a summary file, byte for byte its golden file', async (name) => {
    const statement = await buildStatement(cache.db, goldenRequests(cache, language)[name]!);
    if (statement.totals.length === 0) return;
    const format = csvFormat(preset);
    const text = encodeCsvToString(summaryRows(statement), format);
    const file = join(goldenDir, `${name}.summary.${preset}.${language}.csv`);
    if (update) await writeFile(file, text);
    const golden = await readFile(file);
    expect(text).toBe(golden.toString('utf8'));
    expect(Buffer.from(text).equals(golden)).toBe(true);
    const rows = readBack(text, format);
    expect(rows.length).toBe(1 + statement.totals.length);
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([3]));
  });

  it('names the files as the issue asks', async () => {
    const requests = goldenRequests(cache, language);
    const name = async (key: string) => exportFileName((await buildStatement(cache.db, requests[key]!)).fileNameParts);
    expect(await name('factoring-2025-01')).toBe('reskontra-factoring-2025-01.csv');
    expect(await name('factoring')).toBe('reskontra-factoring-2024-09-01-2025-03-31.csv');
    expect(await name('factoring-all')).toBe('reskontra-factoring-all-2024-09-01-2025-06-30.csv');
    expect(await name('invoices')).toBe('reskontra-invoices-2025-06-30.csv');
    expect(await name('invoice-history-10429')).toBe('reskontra-invoice-10429-history.csv');
    expect(await name('sales-vat-2025-01')).toBe('reskontra-sales-vat-2025-01.csv');
  });
});
