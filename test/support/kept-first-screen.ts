import { expect } from 'vitest';
import type { CacheDatabase } from '../../src-renderer/db/cache-database';
import { readFirstScreen, writeFirstScreen, type FirstScreen } from '../../src-renderer/db/first-screen';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { idRanks, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { firstScreenOf, firstScreenRows } from '../../src-renderer/invoices/first-screen';
import { createInvoiceFilterCache } from '../../src-renderer/invoices/invoice-filter-cache';
import { defaultSort } from '../../src-renderer/invoices/invoice-list-query';
import { positionedRows, rowsOf } from '../../src-renderer/invoices/positioned-rows';
import type { InvoiceRow } from '../../src-renderer/queries/invoice-row';
import type { LedgerFigures } from '../../src-renderer/queries/ledger-figures';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';

/**
 * What a start without a first screen shows: the load's figures, and the Invoices screen's first
 * rows in its default view once its list is built (the columns, the sort, the filter).
 */
export async function fullLoad(db: CacheDatabase, today: string): Promise<FirstScreen & { ledger: InvoiceRow[] }> {
  let figures: LedgerFigures | undefined;
  const { ledger } = await loadLedgerRows(db, today, { figures: (final) => void (figures = final) });
  const built = new CompactInvoices(ledger);
  const { positions } = createInvoiceFilterCache()(built, sortedPositions(built, defaultSort, idRanks(built)), {}, today);
  return { figures: figures!, invoiceRows: [...rowsOf(positionedRows(built.rows, positions))].slice(0, firstScreenRows), ledger };
}

/** As the Invoices store does: the stamp first, then the whole load, then the first screen kept under that stamp. */
export async function keepFirstScreen(db: CacheDatabase, today: string): Promise<boolean> {
  const { stamp } = await readFirstScreen(db, today);
  const { figures, ledger } = await fullLoad(db, today);
  return writeFirstScreen(db, stamp, today, firstScreenOf(ledger, figures, today));
}

/** A first screen read as current now is exactly what a full load gives (checked when no write came between). */
export async function expectKeptScreenIsTheFullLoads(db: CacheDatabase, today: string): Promise<'stale' | 'checked' | 'written since'> {
  const { stamp, screen } = await readFirstScreen(db, today);
  if (!screen) return 'stale';
  const { figures, invoiceRows } = await fullLoad(db, today);
  if ((await readFirstScreen(db, today)).stamp !== stamp) return 'written since';
  expect(screen).toEqual({ figures, invoiceRows });
  return 'checked';
}
