import { afterEach, describe, expect, it } from 'vitest';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import type { SandboxProvider } from '../../sandbox/start-sandbox';
import { expectKeptScreenIsTheFullLoads, keepFirstScreen } from '../support/kept-first-screen';
import { countedSync, postponeAptic, type CountedSync } from './support/counted-sync';

const today = '2025-06-30';

/**
 * Beside a running sync, as the Invoices store runs beside one: over and over, a first screen read
 * as current must be what a full load of the cache gives, and a stale one is kept again.
 * Returns how often each happened once `done` settles.
 */
async function keepingBeside(sync: CountedSync, done: Promise<unknown>) {
  const seen = { checked: 0, stale: 0, kept: 0, refused: 0 };
  let settled = false;
  void done.finally(() => (settled = true)).catch(() => undefined);
  do {
    const found = await expectKeptScreenIsTheFullLoads(sync.db, today);
    if (found === 'checked') seen.checked++;
    if (found === 'stale') {
      seen.stale++;
      if (await keepFirstScreen(sync.db, today)) seen.kept++;
      else seen.refused++;
    }
  } while (!settled);
  await done;
  expect(await expectKeptScreenIsTheFullLoads(sync.db, today)).not.toBe('written since');
  return seen;
}

describe('a first screen read while a sync writes the cache', () => {
  let sync: CountedSync | undefined;
  afterEach(async () => {
    await sync?.close();
    sync = undefined;
  });

  for (const provider of ['aptic', 'flowtly', 'confirma', 'vettig'] satisfies SandboxProvider[]) {
    it(`is ${provider}'s full load whenever it is read as current: its pages, detail steps and sweep make it stale`, async () => {
      sync = await countedSync(provider, { seed: 5, scale: 150 });
      const first = await keepingBeside(sync, sync.sync());
      expect(first.stale).toBeGreaterThan(0);
      expect(await keepFirstScreen(sync.db, today)).toBe(true);
      expect(await expectKeptScreenIsTheFullLoads(sync.db, today)).toBe('checked');
      if (provider === 'aptic') {
        // A changed list entry: its page is read again and its VAT and details fetched again.
        const [changed] = (await cachedInvoices(sync.db)).filter((invoice) => invoice.dueDate !== null);
        expect(await postponeAptic(sync, changed!.providerRef, '2031-01-31')).toBeLessThan(300);
      }
      const second = await keepingBeside(sync, sync.sync({ full: provider === 'vettig' }));
      expect(second.checked + second.stale).toBeGreaterThan(0);
    }, 180_000);
  }
});
