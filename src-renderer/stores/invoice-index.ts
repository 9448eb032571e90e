import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { calendarToday } from '../../src-shared/dates/today';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import { cacheDatabase } from '../db/cache-database';
import { readFirstScreen, writeFirstScreen } from '../db/first-screen';
import type { HeldLedger } from '../freshness/cache-snapshot';
import { firstScreenOf } from '../invoices/first-screen';
import { CompactInvoices } from '../invoices/compact-invoices';
import { idRanks, sortedPositions } from '../invoices/compact-invoice-query';
import type { InvoiceSort } from '../queries/invoice-filter';
import type { InvoiceView } from '../invoices/invoice-view';
import type { InvoiceRow } from '../queries/invoice-row';
import { afterInput, afterPaint } from '../lists/after-paint';
import { whenIdle } from '../lists/when-idle';
import type { LedgerFigures } from '../queries/ledger-figures';
import { loadLedgerRows, type LedgerRows } from '../queries/ledger-rows';
import { useSyncStore } from './sync';
import { markLoadStep } from './load-marks';

/**
 * Every cached invoice as a compact row, held in memory once so search, filters, sorting and
 * totals answer a keystroke without touching IndexedDB; and the ledger joined from them (one
 * entry per real invoice, see src-shared/ledger). Each list is also held as columns
 * (`CompactInvoices`) that the Invoices screen searches, sorts and totals. Nothing is shown before
 * every invoice is read and joined: a row read earlier could still be joined by a later record,
 * or sort after one (the Invoices screen's first rows come from the join, invoices/first-screen.ts),
 * except what a full load of this very cache said before: the first screen kept with the cache's
 * stamp (db/first-screen.ts), shown at once and written again after a load that found it stale.
 */
export const useInvoiceIndexStore = defineStore('invoiceIndex', () => {
  /** One row per provider record. */
  const rows = shallowRef<InvoiceRow[]>([]);
  const loadedLedger = shallowRef<Pick<LedgerRows, 'entries'>>({ entries: [] });
  /** Every ledger entry, in `ledgerRows` order: made when a screen first reads it (the Customers screen), not with the load. */
  const entries = computed(() => loadedLedger.value.entries);
  /** One row per ledger entry, in `entries` order. */
  const ledgerRows = shallowRef<InvoiceRow[]>([]);
  /**
   * The ledger's figures (what the Dashboard shows), final: worked out as soon as every invoice is
   * read and joined, before the ledger's rows are made; null until the first load has them.
   */
  const figures = shallowRef<LedgerFigures | null>(null);
  /**
   * The Invoices screen's first rows in its default view, from the first screen a full load of
   * this same cache kept: what the screen shows until it is ready. Null when there was none, and
   * once the store is ready.
   */
  const firstRows = shallowRef<InvoiceRow[] | null>(null);
  /**
   * Whether the first load has looked for a kept first screen (a read of one row): screens wait
   * for it (App.vue), so a start shows that screen at once rather than "Reading…" for a moment.
   */
  const firstLookDone = ref(false);
  const ready = ref(false);
  const error = ref<unknown>(null);
  /** The day statuses were read on: a list open past midnight is rebuilt on the next load. */
  const day = ref('');
  const sorted = new Map<string, InvoiceRow[]>();
  const orders = new Map<string, Uint32Array>();
  const columns = new Map<InvoiceView, { compact: CompactInvoices; idRank?: Uint32Array }>();
  /** A ref, so a screen that asks `entryOf` while the index loads shows the answer once it has loaded. */
  const entryOfRecord = shallowRef<LedgerRows['entryOf']>(() => undefined);
  let loading: Promise<void> | null = null;
  let loadedRevision = -1;
  /** The cache's stamp read before the load that made `ledgerRows` (so a write during that load makes it older, never newer). */
  let loadedStamp: string | null = null;
  const sync = useSyncStore();

  async function load(): Promise<void> {
    if (loadedRevision === sync.revision && ready.value && day.value === calendarToday()) return;
    loading ??= (async () => {
      const revision = sync.revision;
      const today = calendarToday();
      try {
        const db = cacheDatabase();
        const looked = readFirstScreen(db, today);
        // Done only once what it found is in place: a screen rendered in between would say "Reading…".
        void looked.catch(() => (firstLookDone.value = true));
        const { stamp, screen } = await looked;
        // A sync that wrote nothing a load reads (an unchanged one) left these rows exactly as a load would make them.
        if (ready.value && stamp === loadedStamp && day.value === today) {
          loadedRevision = revision;
          return;
        }
        if (screen) {
          figures.value = screen.figures;
          firstRows.value = screen.invoiceRows;
        }
        firstLookDone.value = true;
        const loaded = await loadLedgerRows(db, today, {
          figures: async (final) => {
            figures.value = final;
            // Shown before the rows and the join take the main thread for a while; a kept first
            // screen already shows these very figures (same stamp, same day), so no frame is waited for.
            if (!screen) await afterPaint();
          },
          // A kept first screen is on screen: a click on it is answered between the load's long steps.
          ...(screen ? { between: afterInput } : {}),
        });
        sorted.clear();
        orders.clear();
        columns.clear();
        rows.value = loaded.records;
        loadedLedger.value = loaded;
        ledgerRows.value = loaded.ledger;
        entryOfRecord.value = loaded.entryOf;
        loadedStamp = stamp;
        day.value = today;
        ready.value = true;
        markLoadStep('ready');
        // Shown only until ready (InvoicesView): the built list's own first rows are these from now on.
        firstRows.value = null;
        loadedRevision = revision;
        error.value = null;
        const final = figures.value;
        // Kept for the next start when it had none of this cache; a write since makes it refuse.
        // Only time is lost when it fails (the next start reads the cache as it would without it).
        if (!screen && final) whenIdle(() => void writeFirstScreen(db, stamp, today, firstScreenOf(loaded.ledger, final, today)).catch(() => undefined));
      } catch (cause) {
        error.value = cause;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  /** One view's rows as columns, built once per cache version. */
  function compact(view: InvoiceView = 'ledger'): CompactInvoices {
    let held = columns.get(view);
    if (!held) {
      columns.set(view, (held = { compact: new CompactInvoices(view === 'ledger' ? ledgerRows.value : rows.value) }));
      markLoadStep(`columns of ${view}`);
    }
    return held.compact;
  }

  /** Whether `compact(view)` is built already (a screen shown again need not wait for it). */
  function hasColumns(view: InvoiceView): boolean {
    return columns.has(view);
  }

  /** Positions (in `compact(view)`) of one view's rows in one order, sorted once per order and cache version. */
  function order(sort: InvoiceSort, view: InvoiceView = 'ledger'): Uint32Array {
    const key = `${view} ${sort.column} ${sort.direction}`;
    let positions = orders.get(key);
    if (!positions) {
      const columnsOfView = compact(view);
      const held = columns.get(view)!;
      held.idRank ??= idRanks(columnsOfView);
      markLoadStep(`id ranks of ${view}`);
      orders.set(key, (positions = sortedPositions(columnsOfView, sort, held.idRank)));
      markLoadStep(`order ${key}`);
    }
    return positions;
  }

  /** Rows of one view in one order (the order `compareRows(sort)` gives); filtering keeps the order. */
  function inOrder(sort: InvoiceSort, view: InvoiceView = 'ledger'): InvoiceRow[] {
    const key = `${view} ${sort.column} ${sort.direction}`;
    let list = sorted.get(key);
    if (!list) {
      const { rows: all } = compact(view);
      list = Array.from(order(sort, view), (position) => all[position]!);
      sorted.set(key, list);
    }
    return list;
  }

  /** The ledger entry a record (invoice record or case) belongs to. */
  function entryOf(recordId: string): LedgerEntry | undefined {
    return entryOfRecord.value(recordId);
  }

  /** The ledger as loaded, with the stamp and day it was loaded at (a snapshot of the same cache may take it); null before a load. */
  function heldLedger(): HeldLedger | null {
    return ready.value && loadedStamp !== null ? { stamp: loadedStamp, day: day.value, ledger: ledgerRows.value } : null;
  }

  watch(() => sync.revision, () => {
    if (ready.value) void load();
  });

  return { rows, entries, ledgerRows, figures, firstRows, firstLookDone, ready, error, day, load, compact, hasColumns, order, inOrder, entryOf, heldLedger };
});
