import Dexie, { type Table } from 'dexie';
import type { CacheDatabase, CachedCase, CachedEvent, CachedInvoice, CachedQuarantine } from '../db/cache-database';
import { readCacheStamp } from '../db/cache-stamp';
import { eachListedChunk, invoiceCountsByConnection, invoicesNumbered } from '../db/invoice-chunks';
import type { CaseFacts, FinancingFacts } from '../../src-shared/ledger/ledger-source';
import { debtorOf } from './case-debtor';
import { rowsOfChunk, type InvoiceRow } from './invoice-row';
import { stringPool } from './string-pool';
import { markLoadStep } from '../stores/load-marks';

/**
 * Reads every cached invoice as a compact row, ordered by id, from the columns stored beside each
 * chunk (db/invoice-columns.ts), a few chunks at a time: the full records, with their raw
 * provider fields, are not read.
 */
export async function loadInvoiceRows(db: CacheDatabase, today: string, between?: () => Promise<void>): Promise<InvoiceRow[]> {
  const rows: InvoiceRow[] = [];
  const pool = stringPool();
  await eachListedChunk(db, (chunk) => {
    // A push per 8,192 rows (a call's arguments), not a push per row: run once, cold, it cost ~5x.
    const made = rowsOfChunk(chunk, today, pool);
    for (let from = 0; from < made.length; from += 8_192) rows.push(...made.slice(from, from + 8_192));
  });
  markLoadStep('records read');
  // `between`: waited for before the sort, a long step at 100,000 (ledger-rows.ts's `LoadProgress`).
  await between?.();
  return latestVersions(rows);
}

/**
 * Rows in the order their records were visited, sorted by id with each id's last visit only (a
 * later version of an invoice replaces the earlier one). The sort is stable, so among one id's
 * rows the last visited is the last; no map of every id is needed.
 */
function latestVersions(rows: InvoiceRow[]): InvoiceRow[] {
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let kept = 0;
  for (let i = 0; i < rows.length; i++) {
    if (i + 1 < rows.length && rows[i + 1]!.id === rows[i]!.id) continue;
    rows[kept++] = rows[i]!;
  }
  rows.length = kept;
  return rows;
}

/**
 * What the ledger join needs besides invoice records: every collection case (what is owed on its
 * invoices) and every factoring event that says a factor bought or handed back an invoice.
 */
export async function loadLedgerSources(db: CacheDatabase): Promise<{ cases: CaseFacts[]; financing: FinancingFacts[] }> {
  const ofType = (type: 'financed' | 'recourse') => db.events.where('[type+date]').between([type, Dexie.minKey], [type, Dexie.maxKey], true, true).toArray();
  const [cases, financed, recourse] = await Promise.all([db.cases.toArray(), ofType('financed'), ofType('recourse')]);
  return {
    cases: cases.map((item) => ({
      id: item.id,
      connectionId: item.connectionId,
      provider: item.provider,
      caseNumber: item.caseNumber,
      open: !item.closedAt,
      currency: item.currency,
      invoices: item.invoices,
      costs: item.balance.costs,
      debtor: debtorOf(item),
    })),
    // Events linked to an invoice record (Aptic's purchase) are already said by that record.
    financing: [...financed, ...recourse].flatMap((event) =>
      (event.type === 'financed' || event.type === 'recourse') && event.invoiceNumber !== null && event.invoiceId === null
        ? [{ id: event.id, connectionId: event.connectionId, provider: event.provider, invoiceNumber: event.invoiceNumber, currency: event.currency, type: event.type }]
        : [],
    ),
  };
}

export interface InvoiceHistory {
  invoices: CachedInvoice[];
  events: CachedEvent[];
  cases: CachedCase[];
}

/**
 * Everything known about one invoice across providers, matched by its number: the invoice as
 * each provider holds it, its factoring and payment events, and the collection cases it is in.
 * `connectionIds` limits it to the connections of one organisation, so another business's
 * invoice with the same number is not mixed in.
 */
export async function invoiceHistory(
  db: CacheDatabase,
  invoiceNumber: string,
  connectionIds?: readonly string[],
): Promise<InvoiceHistory> {
  const inScope = ({ connectionId }: { connectionId: string }) => !connectionIds || connectionIds.includes(connectionId);
  const [invoices, events, cases] = await Promise.all([
    invoicesNumbered(db, [invoiceNumber]).then((invoices) => invoices.filter(inScope)),
    db.events.where('invoiceNumber').equals(invoiceNumber).filter(inScope).sortBy('date'),
    db.cases.where('invoiceNumbers').equals(invoiceNumber).filter(inScope).toArray(),
  ]);
  return { invoices, events, cases };
}

export interface RecordCounts {
  invoices: number;
  events: number;
  cases: number;
  quarantined: number;
}

/** What a connection's provider sent that could not be read, in the order it arrived. */
export async function quarantinedOf(db: CacheDatabase, connectionId: string): Promise<CachedQuarantine[]> {
  const rows = await db.quarantine.where('[connectionId+stream]').between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true).toArray();
  // seq is the arrival order within the cache (auto-increment), so the list reads like the sync ran.
  return rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** How many records of each kind the cache holds for one connection, and how many could not be read. */
export async function recordCounts(db: CacheDatabase, connectionId: string): Promise<RecordCounts> {
  const range = <T, K>(table: Table<T, K>) =>
    table.where('[connectionId+stream]').between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true).count();
  const [invoices, events, cases, quarantined] = await Promise.all([invoiceCountsUnderStamp(db), range(db.events), range(db.cases), range(db.quarantine)]);
  return { invoices: invoices.get(connectionId) ?? 0, events, cases, quarantined };
}

/**
 * Invoice counts per connection, with the cache stamp read in the same transaction. Counting them
 * reads the whole directory (every invoice id, as a newer chunk may list one again), and every
 * connection card asks after every sync: at 100,000 invoices that was most of what an unchanged
 * sync left to do. The events', cases' and quarantine's counts are index counts, read each time.
 */
const countsUnderStamp = new WeakMap<CacheDatabase, { stamp: string; counts: Promise<Map<string, number>> }>();

async function invoiceCountsUnderStamp(db: CacheDatabase): Promise<Map<string, number>> {
  const stamp = await readCacheStamp(db);
  const kept = countsUnderStamp.get(db);
  if (kept?.stamp === stamp) return kept.counts;
  const read = db.transaction('r', [db.cacheStamp, db.invoiceDirectory], async () => ({ stamp: await readCacheStamp(db), counts: await invoiceCountsByConnection(db) }));
  const counts = read.then(({ counts }) => counts);
  countsUnderStamp.set(db, { stamp, counts });
  read.then(
    (done) => {
      // Kept under the stamp read with the counts (a write may have moved it since the first read).
      if (countsUnderStamp.get(db)?.counts === counts) countsUnderStamp.set(db, { stamp: done.stamp, counts });
    },
    () => {
      if (countsUnderStamp.get(db)?.counts === counts) countsUnderStamp.delete(db);
    },
  );
  return counts;
}
