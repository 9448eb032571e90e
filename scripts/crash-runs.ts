// `npm run crash`: seeded crash runs (test/crash/support/crash-run.ts), one summary line each, then a total.
// `npm run crash -- 20 100 1` runs 20 seeds from 100, one at a time; the default is 50 from seed 1,
// two at a time: each run drives Chromium, browser mode and two sandboxes on folders, ports and a
// profile of its own, and spends most of its time waiting on them, so two share 2 cores well.
import { crashRun, type CrashRunResult } from '../test/crash/support/crash-run';

const count = Number(process.argv[2] ?? 50);
const first = Number(process.argv[3] ?? 1);
const workers = Number(process.argv[4] ?? 2);
const started = performance.now();
const seeds = Array.from({ length: count }, (_, i) => first + i);
const results: CrashRunResult[] = [];

function report(result: CrashRunResult): void {
  const verdict = result.problems.length === 0 ? 'ok  ' : 'FAIL';
  console.log(`${verdict} seed ${result.seed}: killed the ${result.target} ${result.killAfterMs} ms into a ${result.operation}${result.endedBeforeKill ? ' (which had already ended)' : ''}; ${result.records} records; ${result.seconds} s`);
  console.log(`       ${result.stages.map(([stage, seconds]) => `${stage} ${seconds} s`).join(', ')}`);
  for (const problem of result.problems) console.log(`       ${problem}`);
}

await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let seed = seeds.shift(); seed !== undefined; seed = seeds.shift()) {
      const result = await crashRun(seed);
      results.push(result);
      report(result);
    }
  }),
);
const late = results.filter((result) => result.endedBeforeKill).length;
console.log(`${late} of ${count} kills came after the operation had ended (they test the restart only)`);
const failed = results.filter((result) => result.problems.length > 0).map((result) => result.seed).sort((a, b) => a - b);
console.log(`${count - failed.length} of ${count} crash runs left consistent data; ${failed.length} failed${failed.length > 0 ? ` (seeds ${failed.join(', ')})` : ''} (${Math.round((performance.now() - started) / 1000)} s)`);
process.exit(failed.length === 0 ? 0 : 1);
