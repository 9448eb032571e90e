import { describe, expect, it } from 'vitest';
import { crashPlan, crashRun } from './support/crash-run';

/**
 * A few of `npm run crash`'s seeded runs on every change: seeds 1 to 4 SIGKILL the browser and
 * the host twice each, during the operations their seeds pick. The 50 run in `npm run crash`.
 */
const seeds = [1, 2, 3, 4];

describe('a SIGKILL at a random moment leaves cache, connections file and keychain agreeing', () => {
  for (const seed of seeds) {
    const { operation, target, killAfterMs } = crashPlan(seed);
    it(`seed ${seed}: killing the ${target} ${killAfterMs} ms into a ${operation}`, async () => {
      const result = await crashRun(seed);
      expect(result.problems).toEqual([]);
      expect(result.records).toBeGreaterThan(0);
    }, 400_000);
  }
});
