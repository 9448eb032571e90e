import Dexie, { type DBCore, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../src-renderer/db/cache-database';
import { stampedTables } from '../../src-renderer/db/cache-stamp';
import { readFirstScreen } from '../../src-renderer/db/first-screen';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { removeOrphans } from '../../src-renderer/db/remove-orphans';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';
import { storeInvoices } from '../support/cached-invoices';
import { keepFirstScreen } from '../support/kept-first-screen';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';

const today = '2025-03-01';

async function filled(db: CacheDatabase): Promise<void> {
  await storeInvoices(db, [
    { ...invoice('c1', '1'), stream: 'invoices', generation: 1 },
    { ...invoice('c1', '2', { number: '77' }), stream: 'invoices', generation: 1 },
    { ...invoice('c2', '3', { provider: 'flowtly', number: '77' }), stream: 'invoices', generation: 1 },
  ]);
  await db.events.put({ ...ledgerEvent('c3', 'e1', { invoiceNumber: '5' }), stream: 'events', generation: 1 });
  await db.cases.put({ ...collectionCase('c4', 'k1', ['1']), stream: 'cases', generation: 1, invoiceNumbers: ['1'] });
}

/** Keeps a first screen of the cache as it is now, as the Invoices store does after a load. */
async function kept(db: CacheDatabase): Promise<void> {
  expect(await keepFirstScreen(db, today)).toBe(true);
  expect((await readFirstScreen(db, today)).screen).not.toBeNull();
}

const isStale = async (db: CacheDatabase) => (await readFirstScreen(db, today)).screen === null;

/** Every Dexie write there is, on one table: each must leave the kept first screen stale. */
const writes: Record<string, (db: CacheDatabase, table: string) => Promise<unknown>> = {
  'put': async (db, table) => db.table(table).put(await db.table(table).toCollection().first()),
  'bulkPut': async (db, table) => db.table(table).bulkPut(await db.table(table).toArray()),
  'add': async (db, table) => {
    const row = await db.table(table).toCollection().first();
    const key = db.table(table).schema.primKey;
    return db.table(table).add({ ...row, [key.keyPath as string]: key.auto ? undefined : `${String(row[key.keyPath as string])}-copy` });
  },
  'update': async (db, table) => db.table(table).update((await db.table(table).toCollection().primaryKeys())[0]!, { touched: true }),
  'modify': (db, table) => db.table(table).toCollection().modify({ touched: true }),
  'delete': async (db, table) => db.table(table).delete((await db.table(table).toCollection().primaryKeys())[0]!),
  'bulkDelete': async (db, table) => db.table(table).bulkDelete(await db.table(table).toCollection().primaryKeys()),
  'clear': (db, table) => db.table(table).clear(),
  'where().delete()': (db, table) => db.table(table).where(':id').above(Dexie.minKey).delete(),
  'put inside a transaction that also writes an unstamped table': (db, table) =>
    db.transaction('rw', [db.table(table), db.syncState], async () => {
      await db.syncState.put({ connectionId: 'c1', stream: 'invoices', cursor: null, generation: 1, sweep: false, lastSuccessAt: null, lastAttemptAt: null, lastError: null });
      await db.table(table).put(await db.table(table).toCollection().first());
    }),
};

describe('the first screen kept for the next start, after a write to the cache', () => {
  it('is kept over exactly the tables a load reads', async () => {
    const read = new Set<string>();
    const recording: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'recordReads',
      create: (down) => ({ ...down, transaction: (stores, mode, options) => (stores.forEach((name) => read.add(name)), down.transaction(stores, mode, options)), table: (name) => (read.add(name), down.table(name)) }),
    };
    const { db } = memoryCache();
    db.use(recording);
    await filled(db);
    read.clear();
    await loadLedgerRows(db, today);
    expect([...read].sort()).toEqual([...read].filter((name) => stampedTables.has(name)).sort());
    expect(read.has('invoiceColumns') && read.has('events') && read.has('cases')).toBe(true);
  });

  for (const table of stampedTables) {
    for (const [kind, write] of Object.entries(writes)) {
      it(`is stale after ${kind} on ${table}`, async () => {
        const { db } = memoryCache();
        await filled(db);
        await db.invoicePages.put({ seq: 1, connectionId: 'c1', stream: 'invoices', generation: 1, page: 'p0', listHash: 'h' } as never);
        await kept(db);
        await write(db, table);
        expect(await isStale(db)).toBe(true);
      });
    }
  }

  it('stays current after writes to tables no load reads: sync states, quarantine, the outbox, the pages a walk kept, and a write of nothing', async () => {
    const { db } = memoryCache();
    await filled(db);
    await kept(db);
    await db.syncState.put({ connectionId: 'c1', stream: 'invoices', cursor: 'p2', generation: 2, sweep: true, lastSuccessAt: null, lastAttemptAt: '2025-03-01T10:00:00Z', lastError: null });
    await db.quarantine.add({ connectionId: 'c1', stream: 'invoices', providerRef: 'x', reason: 'unreadable', raw: {} } as never);
    await db.outbox.put({ id: 'a1', state: 'queued', targetId: 'c1/1', createdAt: '2025-03-01T10:00:00Z' } as never);
    // An unchanged walk moves each kept chunk's page row into it, and its sweep finds nothing to delete.
    await db.invoicePages.put({ seq: 1, connectionId: 'c1', stream: 'invoices', generation: 2, page: 'p0', listHash: 'h' } as never);
    await db.invoiceChunks.bulkDelete([]);
    await db.events.bulkPut([]);
    expect(await isStale(db)).toBe(false);
  });

  it("is stale after a connection's removal, and after an orphan's", async () => {
    const { db } = memoryCache();
    await filled(db);
    await kept(db);
    await removeConnectionData(db, 'c2');
    expect(await isStale(db)).toBe(true);
    await kept(db);
    const known = async () => new Set(['c1', 'c2', 'c3']);
    expect(await removeOrphans(db, known, async (_id, work) => work())).toEqual(['c4']);
    expect(await isStale(db)).toBe(true);
  });
});
