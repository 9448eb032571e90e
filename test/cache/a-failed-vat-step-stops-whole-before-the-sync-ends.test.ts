import { afterEach, describe, expect, it } from 'vitest';
import { countedSync, type CountedSync } from './support/counted-sync';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A VAT step works on two chunks at once. When one fails, the sync ends with that error, and the
// user may press Sync again at once: nothing of the failed step may still be running then, or its
// late progress would show the connection as syncing (so Sync all skipped it, as CI once saw) and
// its late writes would land beside the next sync's.
describe('a VAT step that fails', () => {
  let sync: CountedSync | null = null;
  afterEach(async () => {
    await sync?.close();
    sync = null;
  });

  it('has stopped every part of itself when the sync ends: no progress and no write after it', async () => {
    sync = await countedSync('aptic', { seed: 31, scale: 2_500 });
    let vatCalls = 0;
    let ended = false;
    const progressAfterEnd: unknown[] = [];
    const outcome = await sync
      .sync({
        onProgress: (progress) => {
          if (ended) progressAfterEnd.push(progress);
        },
        beforeDetails: async ({ stream }) => {
          if (stream !== 'invoices') return;
          vatCalls += 1;
          // The first chunk's VAT is lost at once; the other chunk's arrives later.
          if (vatCalls === 1) throw new Error('the VAT of the first chunk was lost');
          await sleep(400);
        },
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    ended = true;
    expect((outcome as Error).message).toMatch(/the VAT of the first chunk was lost/);
    expect(vatCalls).toBeGreaterThanOrEqual(2);
    const atEnd = await sync.snapshot();
    await sleep(6_000);
    expect(await sync.snapshot()).toEqual(atEnd);
    expect(progressAfterEnd).toEqual([]);
  }, 120_000);
});
