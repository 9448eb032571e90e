import { aloneEntry, joinLedgerCompact, type LedgerEntry } from '../../src-shared/ledger/join-ledger';
import { customerKeysByName } from '../../src-shared/ledger/invoice-identity';
import { statusOn } from '../../src-shared/ledger/invoice-status';
import type { CacheDatabase } from '../db/cache-database';
import { loadInvoiceRows, loadLedgerSources } from './cache-queries';
import { ledgerFiguresOf, type LedgerFigures } from './ledger-figures';
import { entryRow, type InvoiceRow } from './invoice-row';
import { markLoadStep } from '../stores/load-marks';

/** The cache read as lists: every provider record, and every real invoice once (the ledger). */
export interface LedgerRows {
  /** One row per provider record, ordered by id. */
  records: InvoiceRow[];
  /**
   * Every ledger entry, in `ledger` order: made on the first read (the Dashboard and the Invoices
   * screen never read it; most entries are one record's, and their rows are that record's row).
   */
  readonly entries: LedgerEntry[];
  /** One row per ledger entry. */
  ledger: InvoiceRow[];
  /** The entry a record (invoice record, case or factoring event) belongs to. */
  entryOf(recordId: string): LedgerEntry | undefined;
}

/** What a load tells before its answer, each as soon as it is known. */
export interface LoadProgress {
  /** The ledger's final figures, once every invoice is read and joined, before the ledger's rows are made; the load waits for what it returns. */
  figures?: (figures: LedgerFigures) => void | Promise<void>;
  /**
   * Waited for between the load's long steps (each a few hundred ms at 100,000 invoices): what a
   * screen already shows (a kept first screen) stays answering a click while the rest loads.
   */
  between?: () => Promise<void>;
}

/** Reads and joins the whole cache, with statuses read on `today`. */
export async function loadLedgerRows(db: CacheDatabase, today: string, progress: LoadProgress = {}): Promise<LedgerRows> {
  const { figures, between } = progress;
  markLoadStep('start');
  const sources = loadLedgerSources(db);
  const rows = await loadInvoiceRows(db, today, between);
  const ledgerSources = await sources;
  await between?.();
  markLoadStep('records read and sorted');
  const joined = joinLedgerCompact({ invoices: rows, ...ledgerSources }, today);
  markLoadStep('joined');
  await between?.();
  if (figures) await figures(ledgerFiguresOf(joined, rows, today));
  markLoadStep('figures');
  await between?.();
  const ledger = ledgerOf(rows, joined, today);
  markLoadStep('ledger rows');
  return ledger;
}

/** `records` ordered by id, each id once (as `loadInvoiceRows` gives them), and their join. */
function ledgerOf(records: InvoiceRow[], joined: (number | LedgerEntry)[], today: string): LedgerRows {
  const keyOfCustomer = customerKeysByName();
  // Entries of records that stand alone, made when asked; once `entries` is read, its own.
  const made = new Map<number, LedgerEntry>();
  const entryAt = (index: number) => {
    let entry = made.get(index);
    if (!entry) made.set(index, (entry = aloneEntry(records[index]!, today, keyOfCustomer)));
    return entry;
  };
  let entries: LedgerEntry[] | undefined;
  const allEntries = () => {
    if (!entries) {
      entries = joined.map((entry) => (typeof entry === 'number' ? entryAt(entry) : entry));
      made.clear();
    }
    return entries;
  };
  // Built on the first question, not with the load: the Dashboard and the list never ask.
  let entryByRecord: Map<string, LedgerEntry> | undefined;
  let placeOfRecord: Int32Array | undefined;
  const entryOf = (recordId: string) => {
    if (!entryByRecord) {
      entryByRecord = new Map();
      placeOfRecord = new Int32Array(records.length).fill(-1);
      joined.forEach((entry, place) => {
        if (typeof entry === 'number') placeOfRecord![entry] = place;
        else for (const source of entry.sources) entryByRecord!.set(source.recordId, entry);
      });
    }
    const shared = entryByRecord.get(recordId);
    if (shared) return shared;
    const index = indexById(records, recordId);
    const place = index === undefined ? -1 : placeOfRecord![index]!;
    if (place < 0) return undefined;
    return entries ? entries[place] : entryAt(index!);
  };
  const ledger = ledgerRowsOf(joined, records, today, keyOfCustomer);
  return {
    records,
    get entries() {
      return allEntries();
    },
    ledger,
    entryOf,
  };
}

/** Where a record is in `records` (ordered by id), by halving: no map of every id. */
function indexById(records: readonly InvoiceRow[], id: string): number | undefined {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = records[middle]!.id;
    if (at === id) return middle;
    if (at < id) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * One row per entry: a record that stands alone is its own row where it says what its entry
 * would (`entryRow`'s rule), which is nearly always; any other entry gets a row of its own.
 */
function ledgerRowsOf(joined: readonly (number | LedgerEntry)[], records: readonly InvoiceRow[], today: string, keyOfCustomer: ReturnType<typeof customerKeysByName>): InvoiceRow[] {
  const recordRow = (id: string) => {
    const index = indexById(records, id);
    return index === undefined ? undefined : records[index];
  };
  return joined.map((entry) => {
    if (typeof entry !== 'number') return entryRow(entry, recordRow);
    const row = records[entry]!;
    return standsAsItself(row, today, keyOfCustomer) ? row : entryRow(aloneEntry(row, today, keyOfCustomer), recordRow);
  });
}

/** Whether the entry of a record that is its invoice's only source would say just what the record's row says. */
function standsAsItself(row: InvoiceRow, today: string, keyOfCustomer: ReturnType<typeof customerKeysByName>): boolean {
  return (
    row.credits === null &&
    row.customer === (row.customerName ?? row.customerNumber ?? '') &&
    statusOn(row.status, row, today) === row.status &&
    (row.providerFinancing === undefined || row.financing === 'unknown') &&
    row.customerKey === keyOfCustomer({ name: row.customerName, number: row.customerNumber })
  );
}
