import { joinLedger, type LedgerEntry } from '../../src-shared/ledger/join-ledger';
import type { CacheDatabase } from '../db/cache-database';
import { loadLedgerSources, loadInvoiceRows } from './cache-queries';
import { entryRow, type InvoiceRow } from './invoice-row';

/** The cache read as lists: every provider record, and every real invoice once (the ledger). */
export interface LedgerRows {
  /** One row per provider record. */
  records: InvoiceRow[];
  entries: LedgerEntry[];
  /** One row per ledger entry, in `entries` order. */
  ledger: InvoiceRow[];
  /** The entry a record (invoice record, case or factoring event) belongs to. */
  entryOf(recordId: string): LedgerEntry | undefined;
}

/**
 * Reads and joins the whole cache, with statuses read on `today`. `preview`, when given, gets the
 * ledger of the first invoices read (joined with every case and factoring event), so a screen can
 * show rows before the rest is read: provisional rows, since a record read later can still join them.
 */
export async function loadLedgerRows(db: CacheDatabase, today: string, preview?: (ledger: InvoiceRow[]) => void): Promise<LedgerRows> {
  const sources = loadLedgerSources(db);
  const records = await loadInvoiceRows(db, today, preview && (async (first) => preview(ledgerOf(first, await sources, today).ledger)));
  return ledgerOf(records, await sources, today);
}

function ledgerOf(records: InvoiceRow[], sources: Awaited<ReturnType<typeof loadLedgerSources>>, today: string): LedgerRows {
  const entries = joinLedger({ invoices: records, ...sources }, today);
  // Built on the first question, not with the load: the Dashboard and the list never ask, and
  // a map of every record was ~10% of the start to the Dashboard at 100,000 invoices.
  let entryByRecord: Map<string, LedgerEntry> | undefined;
  const entryOf = (recordId: string) => {
    if (!entryByRecord) {
      entryByRecord = new Map();
      for (const entry of entries) for (const source of entry.sources) entryByRecord.set(source.recordId, entry);
    }
    return entryByRecord.get(recordId);
  };
  return { records, entries, ledger: ledgerRowsOf(entries, records), entryOf };
}

/** Apart from `ledgerOf`: its `entryOf` closure would otherwise keep this map of every record alive. */
function ledgerRowsOf(entries: readonly LedgerEntry[], records: readonly InvoiceRow[]): InvoiceRow[] {
  // Filled in a loop: `new Map(records.map(…))` made a pair array per record only to drop it.
  const recordById = new Map<string, InvoiceRow>();
  for (const row of records) recordById.set(row.id, row);
  return entries.map((entry) => entryRow(entry, (id) => recordById.get(id)));
}
