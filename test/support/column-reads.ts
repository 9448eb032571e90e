import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import type { CacheDatabase } from '../../src-renderer/db/cache-database';

/**
 * Counts reads of one table on `db` (use before it opens), by default the invoices' list columns:
 * only a load of the ledger reads them, so a count that stays the same means no load read the cache.
 */
export function countColumnReads(db: CacheDatabase, tableName = 'invoiceColumns'): { count: number } {
  const counted = { count: 0 };
  const counting: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'countColumnReads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== tableName) return table;
        const count = <T>(read: T): T => (counted.count++, read);
        const reads: DBCoreTable = { ...table, get: (req) => count(table.get(req)), getMany: (req) => count(table.getMany(req)), query: (req) => count(table.query(req)), openCursor: (req) => count(table.openCursor(req)) };
        return reads;
      },
    }),
  };
  db.use(counting);
  return counted;
}
