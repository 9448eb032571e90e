import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import { calendarToday } from '../../src-shared/dates/today';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import { cacheDatabase } from '../db/cache-database';
import { compareRows, type InvoiceSort } from '../queries/invoice-filter';
import type { InvoiceView } from '../invoices/invoice-view';
import type { InvoiceRow } from '../queries/invoice-row';
import { loadLedgerRows, type LedgerRows } from '../queries/ledger-rows';
import { useSyncStore } from './sync';

/**
 * Every cached invoice as a compact row, held in memory once so search, filters, sorting and
 * totals answer a keystroke without touching IndexedDB; and the ledger joined from them (one
 * entry per real invoice, see src-shared/ledger). Until it is built the list says it is loading:
 * rows read before the join would be provider records, two rows for one invoice.
 */
export const useInvoiceIndexStore = defineStore('invoiceIndex', () => {
  /** One row per provider record. */
  const rows = shallowRef<InvoiceRow[]>([]);
  const entries = shallowRef<LedgerEntry[]>([]);
  /** One row per ledger entry, in `entries` order. */
  const ledgerRows = shallowRef<InvoiceRow[]>([]);
  const ready = ref(false);
  const error = ref<unknown>(null);
  /** The day statuses were read on: a list open past midnight is rebuilt on the next load. */
  const day = ref('');
  const sorted = new Map<string, InvoiceRow[]>();
  /** A ref, so a screen that asks `entryOf` while the index loads shows the answer once it has loaded. */
  const entryOfRecord = shallowRef<LedgerRows['entryOf']>(() => undefined);
  let loading: Promise<void> | null = null;
  let loadedRevision = -1;
  const sync = useSyncStore();

  async function load(): Promise<void> {
    if (loadedRevision === sync.revision && ready.value && day.value === calendarToday()) return;
    loading ??= (async () => {
      const revision = sync.revision;
      const today = calendarToday();
      try {
        const db = cacheDatabase();
        const loaded = await loadLedgerRows(db, today);
        sorted.clear();
        rows.value = loaded.records;
        entries.value = loaded.entries;
        ledgerRows.value = loaded.ledger;
        entryOfRecord.value = loaded.entryOf;
        day.value = today;
        ready.value = true;
        loadedRevision = revision;
        error.value = null;
      } catch (cause) {
        error.value = cause;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  /** Rows of one view in one order, sorted once per order and cache version; filtering keeps the order. */
  function inOrder(sort: InvoiceSort, view: InvoiceView = 'ledger'): InvoiceRow[] {
    const key = `${view} ${sort.column} ${sort.direction}`;
    let list = sorted.get(key);
    if (!list) {
      list = [...(view === 'ledger' ? ledgerRows.value : rows.value)].sort(compareRows(sort));
      sorted.set(key, list);
    }
    return list;
  }

  /** The ledger entry a record (invoice record or case) belongs to. */
  function entryOf(recordId: string): LedgerEntry | undefined {
    return entryOfRecord.value(recordId);
  }

  watch(() => sync.revision, () => {
    if (ready.value) void load();
  });

  return { rows, entries, ledgerRows, ready, error, day, load, inOrder, entryOf };
});
