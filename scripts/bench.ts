// `npm run bench`: every benchmark of the project, one JSON line per figure, then a table.
// Each test/bench/*.bench.ts exports run(): it starts what it needs (sandbox, browser mode, Chromium).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from '../test/bench/support/bench-result';

const benchDir = join(import.meta.dirname, '..', 'test', 'bench');
const only = process.argv.slice(2);
const files = (await readdir(benchDir)).filter((file) => file.endsWith('.bench.ts')).filter((file) => only.length === 0 || only.some((name) => file.includes(name)));

const all: BenchResult[] = [];
for (const file of files.sort()) {
  const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { run(): Promise<BenchResult[]> };
  process.stderr.write(`running ${file}…\n`);
  for (const result of await module.run()) {
    console.log(JSON.stringify(result));
    all.push(result);
  }
}

const rows = all.map((r) => [r.name, `${r.value} ${r.unit}`, r.ceiling === undefined ? '' : `${r.ceiling} ${r.unit}`, r.ratio === undefined ? '' : String(r.ratio), r.target ?? '']);
const header = ['figure', 'value', 'ceiling', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
