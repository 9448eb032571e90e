import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { rowsOf, type RowList } from '../invoices/positioned-rows';
import type { InvoiceRow } from '../queries/invoice-row';

/** Unique per row: an invoice known only from a case shares its record id with the case's other invoices. */
export const invoiceRowKey = (row: Pick<InvoiceRow, 'id' | 'number'>): string => `${row.id} ${row.number}`;

/**
 * Which invoices of the list are selected. Only shown rows stay selected: when a filter (or a
 * sync) hides a selected row, it is unselected and `hidden` says how many were, so what the
 * list says is selected is always what a bulk action acts on.
 */
export function useInvoiceSelection(rows: Ref<RowList<InvoiceRow>>) {
  const keys = shallowRef<ReadonlySet<string>>(new Set());
  /** How many selected rows the last change of the list hid (and unselected). */
  const hidden = ref(0);

  watch(rows, (shown) => {
    if (keys.value.size === 0) return;
    const kept = new Set<string>();
    for (const row of rowsOf(shown)) {
      const key = invoiceRowKey(row);
      if (keys.value.has(key)) kept.add(key);
    }
    hidden.value = keys.value.size - kept.size;
    if (hidden.value > 0) keys.value = kept;
  });

  function set(next: Set<string>): void {
    hidden.value = 0;
    keys.value = next;
  }

  const count = computed(() => keys.value.size);
  return {
    count,
    hidden,
    /** Every shown row selected (and at least one shown). */
    all: computed(() => rows.value.length > 0 && count.value === rows.value.length),
    selectedRows: computed(() => (count.value === 0 ? [] : [...rowsOf(rows.value)].filter((row) => keys.value.has(invoiceRowKey(row))))),
    has: (row: InvoiceRow) => keys.value.has(invoiceRowKey(row)),
    toggle(row: InvoiceRow): void {
      const next = new Set(keys.value);
      const key = invoiceRowKey(row);
      if (!next.delete(key)) next.add(key);
      set(next);
    },
    /** Selects every shown row, or, when all are, none. */
    toggleAll(): void {
      set(count.value === rows.value.length ? new Set() : new Set(Array.from(rowsOf(rows.value), invoiceRowKey)));
    },
    clear: () => set(new Set()),
  };
}

export type InvoiceSelection = ReturnType<typeof useInvoiceSelection>;
