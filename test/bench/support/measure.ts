import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CsvCell, CsvRow } from '../../../src-shared/csv/csv-cell';

/** V8 builds concatenations lazily; reading a character makes both sides pay for the flat string. */
export function flatten(text: string): string {
  text.charCodeAt(text.length >> 1);
  return text;
}

export function timed(work: () => number): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * Best time of each over `runs` rounds after a warm-up, the two taking turns so that load from
 * other processes falls on both alike and the ratio stays meaningful.
 */
export function bestOfInterleaved(first: () => number, second: () => number, runs: number): [number, number] {
  first();
  second();
  let best: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let round = 0; round < runs; round++) best = [Math.min(best[0], timed(first)), Math.min(best[1], timed(second))];
  return best;
}

/** A full collection, so a baseline is live data only (works without `node --expose-gc`). */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Heap used above the baseline, sampled after every chunk: the encoder runs synchronously, so
 * between chunks is where it can be observed. Includes garbage not yet collected: an upper bound.
 */
export function peakHeapMbWhile(chunks: () => Iterable<string | Uint8Array>): number {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  for (const chunk of chunks()) {
    if (typeof chunk === 'string') flatten(chunk);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return (peak - baseline) / (1024 * 1024);
}

/** The least any encoder must do: each cell's raw value, joined. The ceiling figures are held against. */
export function joinRawCells(rows: Iterable<CsvRow>, delimiter: string, lineEnd: string): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(rawCellText).join(delimiter));
  return lines.join(lineEnd);
}

function rawCellText(cell: CsvCell): string {
  switch (cell.kind) {
    case 'text':
    case 'date':
      return cell.value;
    case 'amount':
      return String(cell.minor);
    case 'integer':
      return String(cell.value);
    case 'empty':
      return '';
  }
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
