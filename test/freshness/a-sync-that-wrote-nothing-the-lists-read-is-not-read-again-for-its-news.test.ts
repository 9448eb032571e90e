import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../src-renderer/db/cache-database';
import { readCacheStamp } from '../../src-renderer/db/cache-stamp';
import { putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import { cacheSnapshot, snapshotsAround, type HeldLedger, type SnapshotInputs } from '../../src-renderer/freshness/cache-snapshot';
import { whatChanged } from '../../src-renderer/freshness/what-changed';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';
import { countColumnReads } from '../support/column-reads';
import { memoryCache } from '../support/memory-cache';
import { invoice, ledgerEvent } from '../support/records';

const today = '2025-03-01';
const origin = { stream: 'invoices' as const, generation: 1 };

/** A cache whose ledger reads are counted. */
function countedCache() {
  const { db } = memoryCache();
  return { db, counted: countColumnReads(db) };
}

async function filled(db: CacheDatabase): Promise<void> {
  await putInvoiceChunk(db, 'a', origin, [
    invoice('a', '100', { dueDate: '2025-02-01' }),
    invoice('a', '101', { dueDate: '2025-04-01' }),
    invoice('a', '102', { dueDate: '2025-04-01' }),
  ]);
}

const inputs = (held: HeldLedger | null = null, failing: ReadonlyMap<string, string> = new Map()) => async (): Promise<SnapshotInputs> => ({ today, failing, held });

/** The ledger as a screen holds it after a full load at the stamp read before that load. */
async function heldNow(db: CacheDatabase, day = today): Promise<HeldLedger> {
  const stamp = await readCacheStamp(db);
  return { stamp, day, ledger: (await loadLedgerRows(db, day)).ledger };
}

/** A sync's writes: 102 paid (a newer chunk holds it again) and a recourse on 100. */
async function changingSync(db: CacheDatabase): Promise<void> {
  await putInvoiceChunk(db, 'a', origin, [invoice('a', '102', { dueDate: '2025-04-01', status: 'paid', paid: 100_00, outstanding: 0 })]);
  await db.events.put({ ...ledgerEvent('v', 'r1', { type: 'recourse', invoiceNumber: '100', amount: 5_000 }), stream: 'events', generation: 1 });
}

/** A sync that moves only its own bookkeeping (an unchanged walk): nothing a load reads. */
async function unchangedSync(db: CacheDatabase): Promise<void> {
  await db.syncState.put({ connectionId: 'a', stream: 'invoices', cursor: null, generation: 2, sweep: false, lastSuccessAt: '2025-03-01T10:00:00Z', lastAttemptAt: '2025-03-01T10:00:00Z', lastError: null });
}

describe("a sync's news, read around it", () => {
  it('reads the ledger once before a sync that wrote nothing the lists read, and not again after it', async () => {
    const { db, counted } = countedCache();
    await filled(db);
    await cacheSnapshot(db, today, new Map());
    const perRead = counted.count;
    expect(perRead).toBeGreaterThan(0);
    counted.count = 0;
    const { before, after } = await snapshotsAround(db, inputs(), () => unchangedSync(db));
    expect(counted.count).toBe(perRead);
    expect(whatChanged(before, after)).toEqual([]);

    // The same, and a connection that began failing: the only news such a sync can have.
    const failing = new Map([['b', 'Bank B']]);
    const { before: b2, after: a2 } = await snapshotsAround(db, async (afterSync) => ({ today, failing: afterSync ? failing : new Map(), held: null }), () => unchangedSync(db));
    expect(counted.count).toBe(2 * perRead);
    expect(whatChanged(b2, a2).map((change) => change.key)).toEqual(['failing b']);
  });

  it('reads the ledger again after a sync that wrote it, with the same news as two full reads', async () => {
    const { db, counted } = countedCache();
    await filled(db);
    const plainBefore = await cacheSnapshot(db, today, new Map());
    counted.count = 0;
    const { before, after } = await snapshotsAround(db, inputs(), () => changingSync(db));
    expect(counted.count).toBeGreaterThan(0);
    const plainAfter = await cacheSnapshot(db, today, new Map());
    // By hand: 102 was open and is paid; 100's recourse is new (100 was overdue before and after).
    expect(whatChanged(before, after).map((change) => change.key).sort()).toEqual(['paid 102 SEK', 'recourse v/r1']);
    expect(whatChanged(before, after)).toEqual(whatChanged(plainBefore, plainAfter));
  });

  it("takes a screen's ledger held at the cache's stamp and day instead of reading it; never one of another stamp or day", async () => {
    const { db, counted } = countedCache();
    await filled(db);
    const held = await heldNow(db);
    const plainBefore = await cacheSnapshot(db, today, new Map());
    counted.count = 0;
    // Before: held at this stamp, not read. After: the sync moved the stamp, so the held ledger is stale and the cache is read.
    const { before, after } = await snapshotsAround(db, inputs(held), () => changingSync(db));
    const reads = counted.count;
    expect(reads).toBeGreaterThan(0);
    expect(before).toEqual(plainBefore);
    expect(after).toEqual(await cacheSnapshot(db, today, new Map()));
    expect(whatChanged(before, after).map((change) => change.key).sort()).toEqual(['paid 102 SEK', 'recourse v/r1']);

    // Held at the current stamp now, and an unchanged sync: nothing is read at either end.
    counted.count = 0;
    const current = await heldNow(db);
    counted.count = 0;
    const unchanged = await snapshotsAround(db, inputs(current), () => unchangedSync(db));
    expect(counted.count).toBe(0);
    expect(whatChanged(unchanged.before, unchanged.after)).toEqual([]);

    // Held on another day: statuses differ by day, so it is read.
    const yesterdays = await heldNow(db, '2025-02-28');
    counted.count = 0;
    const read = await cacheSnapshot(db, today, new Map(), yesterdays);
    expect(counted.count).toBeGreaterThan(0);
    expect(read).toEqual(await cacheSnapshot(db, today, new Map()));
  });
});
