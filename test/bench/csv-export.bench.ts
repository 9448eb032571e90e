import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CsvRow } from '../../src-shared/csv/csv-cell';
import { csvFormat, type CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvChunks } from '../../src-shared/csv/encode-csv';
import { utf8Batches } from '../../src-shared/csv/utf8-batches';
import { maxExportBatchBytes } from '../../src-shared/rpc/export-methods';
import { createHandlers } from '../../src-main/rpc/create-handlers';
import { createDispatch, type Dispatch } from '../../src-main/rpc/dispatch';
import { invoiceRows } from '../csv/support/invoice-rows';
import type { BenchResult } from './support/bench-result';
import { bestOfInterleaved, collectGarbage, flatten, joinRawCells, peakHeapMbWhile, round } from './support/measure';


const rowCount = 100_000;
const runs = 9;

/**
 * Encodes 100,000 invoice rows (Excel Nordic/Dutch preset, the costlier one: decimal commas
 * and a BOM) and compares with the least any encoder must do: visit the same cells and join
 * their raw values into one string. Also writes the same rows to a file through the export
 * RPC, as the app does. Times are the best of nine runs after a warm-up.
 */
export async function run(): Promise<BenchResult[]> {
  const rows = [...invoiceRows(rowCount)];
  const format = csvFormat('excel-nordic');

  const encode = (): number => {
    let length = 0;
    for (const chunk of encodeCsvChunks(rows, format)) length += flatten(chunk).length;
    return length;
  };
  const rawJoin = (): number => flatten(joinRawCells(rows, format.delimiter, format.lineEnd)).length;

  const [encodeMs, rawMs] = bestOfInterleaved(encode, rawJoin, runs);
  const peakMb = peakHeapMbWhile(() => encodeCsvChunks(rows, format));
  const wholeMb = heapHoldingWholeString(rows, format);
  const file = await timeFileExport(rows);

  return [
    { name: 'csv export: encode 100,000 invoice rows', value: round(encodeMs), unit: 'ms', ceiling: round(rawMs), ratio: round(encodeMs / rawMs) },
    { name: 'csv export: raw join of the same cells into one string', value: round(rawMs), unit: 'ms' },
    { name: 'csv export: peak heap above the input while encoding', value: round(peakMb), unit: 'MB', ceiling: round(wholeMb), ratio: round(peakMb / wholeMb) },
    { name: 'csv export: heap above the input holding the raw join as one string', value: round(wholeMb), unit: 'MB' },
    { name: 'csv export: encode and write 100,000 rows to a file through export RPC', value: round(file.ms), unit: 'ms' },
    { name: 'csv export: size of that file', value: round(file.bytes / (1024 * 1024)), unit: 'MB' },
  ];
}







/** For comparison: what the one-string approach holds once it is done. */
function heapHoldingWholeString(rows: readonly CsvRow[], format: CsvFormat): number {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  const whole = flatten(joinRawCells(rows, format.delimiter, format.lineEnd));
  const held = process.memoryUsage().heapUsed - baseline;
  return whole.length > 0 ? held / (1024 * 1024) : 0;
}


async function timeFileExport(rows: readonly CsvRow[]): Promise<{ ms: number; bytes: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-bench-export-'));
  try {
    const dispatch = createDispatch(createHandlers({ name: 'Reskontra', version: 'bench', transport: 'browser', dataDir }));
    const started = performance.now();
    const bytes = await exportThrough(dispatch, rows);
    return { ms: performance.now() - started, bytes };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Encodes to UTF-8 batches and appends them as bytes, as the renderer does; answers the bytes written. */
async function exportThrough(dispatch: Dispatch, rows: readonly CsvRow[]): Promise<number> {
  const begun = await dispatch('export.begin', { suggestedName: 'reskontra-bench.csv' });
  if (!begun.ok || (begun.value as { status: string }).status !== 'started') throw new Error('export.begin failed');
  const { exportId } = begun.value as { exportId: string };
  for (const bytes of utf8Batches(encodeCsvChunks(rows, csvFormat('excel-nordic')), maxExportBatchBytes)) {
    const appended = await dispatch('export.appendBytes', { exportId, bytes });
    if (!appended.ok) throw new Error(appended.error.message);
  }
  const committed = await dispatch('export.commit', { exportId });
  if (!committed.ok) throw new Error(committed.error.message);
  return (committed.value as { bytes: number }).bytes;
}


if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await run()) console.log(JSON.stringify(result));
}
