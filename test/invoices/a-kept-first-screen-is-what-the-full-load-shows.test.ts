import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../src-renderer/db/cache-database';
import { readFirstScreen, writeFirstScreen } from '../../src-renderer/db/first-screen';
import { firstScreenOf } from '../../src-renderer/invoices/first-screen';
import type { InvoiceStatus } from '../../src-shared/domain/records';
import { storeInvoices } from '../support/cached-invoices';
import { expectKeptScreenIsTheFullLoads, fullLoad, keepFirstScreen } from '../support/kept-first-screen';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';

const days = ['2025-01-20', '2025-02-14', '2025-03-01', '2025-06-30'] as const;
const statuses: InvoiceStatus[] = ['open', 'overdue', 'paid', 'credited', 'disputed', 'in-collection'];

/** Two providers' copies of the same numbers (joined into one entry), few values per field so many rows tie. */
const invoiceArb = fc
  .record({
    number: fc.integer({ min: 1, max: 180 }).map(String),
    connection: fc.constantFrom('aptic-1', 'flowtly-1'),
    customer: fc.constantFrom('Åsa Öberg AB', 'Mäkinen Oy', 'Van der Berg B.V.'),
    dueDate: fc.constantFrom(null, '2025-01-31', '2025-02-14', '2025-03-31', '2025-07-01'),
    currency: fc.constantFrom('SEK', 'EUR'),
    total: fc.integer({ min: -5, max: 40 }).map((n) => n * 1_000),
    paidShare: fc.constantFrom(0, 50, 100),
    status: fc.constantFrom(...statuses),
  })
  .map((f) => {
    const paid = Math.trunc((f.total * f.paidShare) / 100);
    const provider = f.connection === 'aptic-1' ? ('aptic' as const) : ('flowtly' as const);
    return invoice(f.connection, f.number, { provider, number: f.number, customer: { name: f.customer, number: null }, dueDate: f.dueDate, currency: f.currency, total: f.total, paid, outstanding: f.total - paid, status: f.status });
  });

const cacheArb = fc.record({
  invoices: fc.uniqueArray(invoiceArb, { selector: (item) => item.id, maxLength: 220 }),
  cases: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.subarray(['1', '2', '3', '150', '999'], { minLength: 1 })), { selector: ([ref]) => ref, maxLength: 4 }),
  financed: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom('4', '5', '160', '998'), fc.constantFrom('financed' as const, 'recourse' as const)), { selector: ([ref]) => ref, maxLength: 4 }),
});

type Cache = typeof cacheArb extends fc.Arbitrary<infer T> ? T : never;

async function fill(db: CacheDatabase, cache: Cache): Promise<void> {
  await storeInvoices(db, cache.invoices.map((item) => ({ ...item, stream: 'invoices' as const, generation: 1 })));
  await db.cases.bulkPut(cache.cases.map(([ref, numbers]) => ({ ...collectionCase('confirma-1', String(ref), numbers), stream: 'cases' as const, generation: 1, invoiceNumbers: numbers })));
  await db.events.bulkPut(cache.financed.map(([ref, number, type]) => ({ ...ledgerEvent('vettig-1', String(ref), { invoiceNumber: number, type }), stream: 'events' as const, generation: 1 })));
}

describe('the first screen kept for the next start', () => {
  it("is, on the day it was kept, the full load's figures and the final list's first rows, for any cache", async () => {
    await fc.assert(
      fc.asyncProperty(cacheArb, fc.constantFrom(...days), fc.constantFrom(...days), async (cache, keptOn, readOn) => {
        const { db } = memoryCache();
        try {
          await fill(db, cache);
          expect((await readFirstScreen(db, keptOn)).screen).toBeNull();
          expect(await keepFirstScreen(db, keptOn)).toBe(true);
          const { screen } = await readFirstScreen(db, readOn);
          if (readOn !== keptOn) expect(screen).toBeNull();
          else expect(await expectKeptScreenIsTheFullLoads(db, readOn)).toBe('checked');
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('is not kept when the cache was written while it was worked out', async () => {
    const { db } = memoryCache();
    await fill(db, { invoices: [invoice('aptic-1', '1')], cases: [], financed: [] });
    const { stamp } = await readFirstScreen(db, days[0]);
    const { figures, ledger } = await fullLoad(db, days[0]);
    await storeInvoices(db, [{ ...invoice('aptic-1', '2'), stream: 'invoices', generation: 1 }]);
    expect(await writeFirstScreen(db, stamp, days[0], firstScreenOf(ledger, figures, days[0]))).toBe(false);
    expect((await readFirstScreen(db, days[0])).screen).toBeNull();
  });
});
