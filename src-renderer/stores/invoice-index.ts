import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import { cacheDatabase } from '../db/cache-database';
import { invoicesByDueDate, loadInvoiceRows } from '../queries/cache-queries';
import { compareRows, type InvoiceSort } from '../queries/invoice-filter';
import type { InvoiceRow } from '../queries/invoice-row';
import { useSyncStore } from './sync';

/**
 * Every cached invoice as a compact row, held in memory once so search, filters, sorting and
 * totals answer a keystroke without touching IndexedDB. Until it is built, the first rows by due
 * date come straight from an index range, so the list is never empty while it loads.
 */
export const useInvoiceIndexStore = defineStore('invoiceIndex', () => {
  const rows = shallowRef<InvoiceRow[]>([]);
  const preview = shallowRef<InvoiceRow[]>([]);
  const ready = ref(false);
  const error = ref<unknown>(null);
  const sorted = new Map<string, InvoiceRow[]>();
  let loading: Promise<void> | null = null;
  let loadedRevision = -1;
  const sync = useSyncStore();

  async function load(): Promise<void> {
    if (loadedRevision === sync.revision && ready.value) return;
    loading ??= (async () => {
      const revision = sync.revision;
      try {
        if (!ready.value) preview.value = (await invoicesByDueDate(cacheDatabase(), { limit: 60 })).rows;
        const all = await loadInvoiceRows(cacheDatabase());
        sorted.clear();
        rows.value = all;
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

  /** Rows in one order, sorted once per order and cache version; filtering keeps the order. */
  function inOrder(sort: InvoiceSort): InvoiceRow[] {
    const key = `${sort.column} ${sort.direction}`;
    let list = sorted.get(key);
    if (!list) {
      list = [...rows.value].sort(compareRows(sort));
      sorted.set(key, list);
    }
    return list;
  }

  function byId(id: string): InvoiceRow | undefined {
    return rows.value.find((row) => row.id === id);
  }

  watch(() => sync.revision, () => {
    if (ready.value) void load();
  });

  return { rows, preview, ready, error, load, inOrder, byId };
});
