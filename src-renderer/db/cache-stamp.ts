import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { CacheDatabase } from './cache-database';

/**
 * The tables the cache's lists and the Dashboard's figures are read from (queries/ledger-rows.ts):
 * a write to any of them changes what the first screen (db/first-screen.ts) would say. Not
 * `invoicePages` (which walk last saw each chunk, read by no load): an unchanged walk moves every
 * one of those rows, and must leave the stamp, and the first screen kept under it, as they were.
 */
export const stampedTables: ReadonlySet<string> = new Set(['invoiceChunks', 'invoiceDirectory', 'invoiceColumns', 'events', 'cases']);

/** The one row of `cacheStamp`: a new random value written with every write to a stamped table. */
export interface CacheStampRow {
  id: 1;
  stamp: string;
}

export const cacheStampTable = 'cacheStamp';

/** The stamp of a cache no stamped write has touched since it had `cacheStamp` (it holds no row). */
export const unstamped = '';

/**
 * The cache's stamp now; inside a transaction, call with `cacheStamp` in its scope to read it with
 * what else it reads. Two equal stamps mean no stamped write in between (a write always leaves a
 * new row, so not even `unstamped` comes back).
 */
export async function readCacheStamp(db: CacheDatabase): Promise<string> {
  return (await db.cacheStamp.get(1))?.stamp ?? unstamped;
}

/**
 * Writes a new stamp in the same transaction as every write to a stamped table, so no writer can
 * forget it: a read-write transaction over a stamped table is widened to `cacheStamp`, and each
 * of its writes is followed by the stamp's. A first screen written under one stamp is then the
 * current cache's exactly when the stamp is still the same. Caches opened at a version without
 * the table (an older schema, or an upgrade's transaction before v11 made it) are left alone.
 */
export const cacheStampMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'cacheStamp',
  create(down) {
    if (!down.schema.tables.some(({ name }) => name === cacheStampTable)) return down;
    const stampTable = down.table(cacheStampTable);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && !stores.includes(cacheStampTable) && stores.some((name) => stampedTables.has(name));
        return down.transaction(widen ? [...stores, cacheStampTable] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!stampedTables.has(name)) return table;
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const answer = await table.mutate(request);
            // A bulk write of nothing (a sweep with nothing to delete) changes nothing a load reads.
            if (writesNothing(request)) return answer;
            const { trans } = request;
            // An upgrade's transaction from before v11 has no such store yet.
            if (!(trans as unknown as IDBTransaction).objectStoreNames?.contains(cacheStampTable)) return answer;
            const row: CacheStampRow = { id: 1, stamp: crypto.randomUUID() };
            await stampTable.mutate({ type: 'put', trans, values: [row] });
            return answer;
          },
        };
      },
    };
  },
};

function writesNothing(request: DBCoreMutateRequest): boolean {
  if (request.type === 'add' || request.type === 'put') return request.values.length === 0;
  if (request.type === 'delete') return request.keys.length === 0;
  return false;
}
