// `npm run crash`: seeded crash runs (test/crash/support/crash-run.ts), one summary line each, then a total.
// `npm run crash -- 20 100` runs 20 seeds from 100; the default is 50 from seed 1. Runs one at a
// time: each drives Chromium, browser mode and two sandboxes, enough for a 2-core machine.
import { crashRun } from '../test/crash/support/crash-run';

const count = Number(process.argv[2] ?? 50);
const first = Number(process.argv[3] ?? 1);
let failed = 0;
const started = performance.now();
for (let seed = first; seed < first + count; seed++) {
  const result = await crashRun(seed);
  if (result.problems.length > 0) failed += 1;
  const verdict = result.problems.length === 0 ? 'ok  ' : 'FAIL';
  console.log(`${verdict} seed ${seed}: killed the ${result.target} ${result.killAfterMs} ms into a ${result.operation}; ${result.records} records; ${result.seconds} s`);
  for (const problem of result.problems) console.log(`       ${problem}`);
}
console.log(`${count - failed} of ${count} crash runs left consistent data; ${failed} failed (${Math.round((performance.now() - started) / 1000)} s)`);
process.exit(failed === 0 ? 0 : 1);
