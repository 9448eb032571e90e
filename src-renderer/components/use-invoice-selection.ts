import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import type { InvoiceRow } from '../queries/invoice-row';

/** Unique per row: an invoice known only from a case shares its record id with the case's other invoices. */
export const invoiceRowKey = (row: Pick<InvoiceRow, 'id' | 'number'>): string => `${row.id} ${row.number}`;

/**
 * Which invoices of the list are selected. Only shown rows stay selected: when a filter (or a
 * sync) hides a selected row, it is unselected and `hidden` says how many were, so what the
 * list says is selected is always what a bulk action acts on.
 */
export function useInvoiceSelection(rows: Ref<readonly InvoiceRow[]>) {
  const keys = shallowRef<ReadonlySet<string>>(new Set());
  /** How many selected rows the last change of the list hid (and unselected). */
  const hidden = ref(0);

  watch(rows, (shown) => {
    if (keys.value.size === 0) return;
    const still = new Set(shown.map(invoiceRowKey));
    const kept = [...keys.value].filter((key) => still.has(key));
    hidden.value = keys.value.size - kept.length;
    if (hidden.value > 0) keys.value = new Set(kept);
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
    selectedRows: computed(() => (count.value === 0 ? [] : rows.value.filter((row) => keys.value.has(invoiceRowKey(row))))),
    has: (row: InvoiceRow) => keys.value.has(invoiceRowKey(row)),
    toggle(row: InvoiceRow): void {
      const next = new Set(keys.value);
      const key = invoiceRowKey(row);
      if (!next.delete(key)) next.add(key);
      set(next);
    },
    /** Selects every shown row, or, when all are, none. */
    toggleAll(): void {
      set(count.value === rows.value.length ? new Set() : new Set(rows.value.map(invoiceRowKey)));
    },
    clear: () => set(new Set()),
  };
}

export type InvoiceSelection = ReturnType<typeof useInvoiceSelection>;
