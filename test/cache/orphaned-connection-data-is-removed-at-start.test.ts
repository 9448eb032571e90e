import { describe, expect, it } from 'vitest';
import type { CacheDatabase, SyncState } from '../../src-renderer/db/cache-database';
import { removeOrphans, type KnownConnections } from '../../src-renderer/db/remove-orphans';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';
import { storeInvoices } from '../support/cached-invoices';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';

/**
 * The window closed after main forgot a removed connection and before the window deleted its
 * cached data: at the next start that data is an orphan no screen can remove. It goes, under the
 * connection's lock, once main's list is known, and never when main's answer cannot be trusted.
 */
const today = '2025-06-30';

async function cacheOf(db: CacheDatabase, connectionId: string, numbers: string[]): Promise<void> {
  const origin = { generation: 1 };
  await storeInvoices(db, numbers.map((number) => ({ ...invoice(connectionId, number, { outstanding: 100_00 }), stream: 'invoices' as const, ...origin })));
  await db.events.put({ ...ledgerEvent(connectionId, `e${numbers[0]}`, { type: 'charge', amount: 9_00 }), stream: 'events', ...origin });
  // A case of another invoice (nothing owed on it), so the invoices' own figures stand in the totals.
  const caseOf = [`9${numbers[0]}`];
  await db.cases.put({ ...collectionCase(connectionId, `c${numbers[0]}`, caseOf), stream: 'cases', ...origin, invoiceNumbers: caseOf });
  const state: SyncState = { connectionId, stream: 'invoices', cursor: null, generation: 1, sweep: false, lastSuccessAt: '2025-06-30T08:00:00Z', lastAttemptAt: null, lastError: null };
  await db.syncState.put(state);
}

async function rowsOf(db: CacheDatabase, connectionId: string): Promise<number> {
  const counts = await Promise.all([db.events, db.cases, db.syncState].map((table) => table.filter((row) => row.connectionId === connectionId).count()));
  const invoices = (await cachedInvoices(db)).filter((row) => row.connectionId === connectionId).length;
  return counts.reduce((sum, count) => sum + count, invoices);
}

const outstanding = async (db: CacheDatabase) => (await loadLedgerRows(db, today)).entries.reduce((sum, entry) => sum + entry.outstanding, 0);

/** The lock, as a record of which connections were held and what was deleted while holding each. */
function recordingLock() {
  const held: string[] = [];
  return { held, holding: async (id: string, work: () => Promise<void>) => { held.push(id); await work(); } };
}

describe('cached data of a connection main does not know', () => {
  it('is deleted at start, every table of it, under its lock; other connections and their totals stay', async () => {
    const { db } = memoryCache();
    await cacheOf(db, 'kept', ['1001', '1002']);
    await cacheOf(db, 'gone', ['2001', '2002', '2003']);
    const keptRows = await rowsOf(db, 'kept');
    expect(await outstanding(db)).toBe(5 * 100_00);
    const lock = recordingLock();

    expect(await removeOrphans(db, async () => new Set(['kept']), lock.holding)).toEqual(['gone']);

    expect(lock.held).toEqual(['gone']);
    expect(await rowsOf(db, 'gone')).toBe(0);
    expect(await rowsOf(db, 'kept')).toBe(keptRows);
    expect(await outstanding(db)).toBe(2 * 100_00);
  });

  it('stays when main could not answer, or answered from a file it could not read', async () => {
    const { db } = memoryCache();
    await cacheOf(db, 'gone', ['2001']);
    const lock = recordingLock();
    expect(await removeOrphans(db, async () => null, lock.holding)).toEqual([]);
    expect(lock.held).toEqual([]);
    expect(await rowsOf(db, 'gone')).toBe(4);
  });

  it('stays when main knows it by the time its lock is free (added and synced by another window meanwhile)', async () => {
    const { db } = memoryCache();
    await cacheOf(db, 'new', ['3001']);
    await cacheOf(db, 'gone', ['2001']);
    const answers = [new Set<string>(), new Set(['new'])];
    const known: KnownConnections = async () => answers.shift() ?? new Set(['new']);
    expect(await removeOrphans(db, known, recordingLock().holding)).toEqual(['gone']);
    expect(await rowsOf(db, 'new')).toBe(4);
    expect(await rowsOf(db, 'gone')).toBe(0);
  });
});
