import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultDraw } from '../../sandbox/faults/fault-draw';
import { createRpcHarness, fastHttp, type RpcHarness } from './support/rpc-harness';
import { startSandboxConnection, walkStream } from './support/sandbox-connections';

// Runs under scripts/with-keyring.sh. The sandbox answers 429 with `Retry-After: 1`; its fault
// draw is seeded, so the number of 429s a walk meets is known in advance.
const seed = 12;
const faults = { rate429: 0.4 };
const apticFaultSalt = 4;

/** 429s met while fetching `pages` pages, each retried until it is not a 429. */
function expected429s(pages: number): number {
  const draw = createFaultDraw(faults, seed, apticFaultSalt);
  let count = 0;
  for (let page = 0; page < pages; page += 1) {
    while (draw.next() === '429') count += 1;
  }
  return count;
}

let harness: RpcHarness;
beforeAll(async () => {
  harness = await createRpcHarness({ http: { ...fastHttp, retryLimit: 8, maxRetryAfterMs: 5_000 } });
});
afterAll(() => harness.close());

describe('retry after 429', () => {
  it('waits as long as Retry-After says, not the (tiny) backoff', async () => {
    // Two provider requests one after the other (the list of one invoice, then that invoice's
    // detail), so the waits cannot overlap.
    const rateLimited = expected429s(2);
    expect(rateLimited).toBeGreaterThan(0);
    const { sandbox, connection } = await startSandboxConnection(harness, 'aptic', { seed, scale: 1, faults });
    try {
      const started = performance.now();
      const walk = await walkStream(harness, connection.id, 'invoices');
      const elapsed = performance.now() - started;
      expect(walk.pages).toBe(1);
      expect(walk.errors).toEqual([]);
      expect(elapsed).toBeGreaterThanOrEqual(rateLimited * 1000 - 50);
      expect(elapsed).toBeLessThan(rateLimited * 1000 + 2000);
    } finally {
      await sandbox.close();
    }
  });
});
