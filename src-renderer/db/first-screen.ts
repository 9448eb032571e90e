import type { LedgerFigures } from '../queries/ledger-figures';
import type { InvoiceRow } from '../queries/invoice-row';
import type { CacheDatabase } from './cache-database';
import { readCacheStamp } from './cache-stamp';

/**
 * Bumped whenever what a row holds changes shape (`InvoiceRow`, `LedgerFigures`) or how it is
 * worked out: a row of another format is never shown.
 */
export const firstScreenFormat = 1;

/**
 * What a start shows before the cache is read (schema v11): the Dashboard's figures and the
 * Invoices screen's first rows in its default view, worked out by a full load of the cache as it
 * was at `stamp` (db/cache-stamp.ts) and with statuses read on `day`. Only ever shown while the
 * cache's stamp and the day are still those: then it is exactly what the full load gives.
 */
export interface FirstScreenRow {
  id: 1;
  format: number;
  stamp: string;
  day: string;
  figures: LedgerFigures;
  /** The Invoices screen's first rows, unfiltered, in its default order (invoices/first-screen.ts). */
  invoiceRows: InvoiceRow[];
}

export type FirstScreen = Pick<FirstScreenRow, 'figures' | 'invoiceRows'>;

/** The cache's stamp now, and its first screen when that is the current cache's on `today`. */
export async function readFirstScreen(db: CacheDatabase, today: string): Promise<{ stamp: string; screen: FirstScreen | null }> {
  return db.transaction('r', [db.cacheStamp, db.firstScreen], async () => {
    const [stamp, row] = await Promise.all([readCacheStamp(db), db.firstScreen.get(1)]);
    const current = row !== undefined && row.format === firstScreenFormat && row.stamp === stamp && row.day === today;
    return { stamp, screen: current ? { figures: row.figures, invoiceRows: row.invoiceRows } : null };
  });
}

/**
 * Keeps `screen`, worked out from the cache as it was at `stamp`, unless the cache was written
 * since (then it would not be the current cache's, and the next load writes its own).
 */
export async function writeFirstScreen(db: CacheDatabase, stamp: string, day: string, screen: FirstScreen): Promise<boolean> {
  return db.transaction('rw', [db.cacheStamp, db.firstScreen], async () => {
    if ((await readCacheStamp(db)) !== stamp) return false;
    await db.firstScreen.put({ id: 1, format: firstScreenFormat, stamp, day, ...screen });
    return true;
  });
}
