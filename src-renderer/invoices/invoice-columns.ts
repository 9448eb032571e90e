import { ref, watch } from 'vue';
import type { SortColumn } from '../queries/invoice-filter';

export type InvoiceColumn = Exclude<SortColumn, 'currency'>;

/**
 * The Invoices list's columns, those a person always needs first (they fit at 1024 px beside the
 * navigation), then the ones that can be hidden: shown by default, reached by scrolling inside the
 * table's box while the number stays put. The amounts carry their currency, so there is no
 * Currency column.
 */
export const invoiceColumns: readonly { key: InvoiceColumn; numeric?: boolean; optional?: boolean }[] = [
  { key: 'number' },
  { key: 'customer' },
  { key: 'dueDate' },
  { key: 'outstanding', numeric: true },
  { key: 'status' },
  { key: 'total', numeric: true, optional: true },
  { key: 'issueDate', optional: true },
  { key: 'provider', optional: true },
  { key: 'financing', optional: true },
];

export const optionalInvoiceColumns = invoiceColumns.filter((column) => column.optional).map((column) => column.key);

const storageKey = 'reskontra.invoiceColumns.hidden';

function readHidden(storage: Storage): InvoiceColumn[] {
  try {
    const saved: unknown = JSON.parse(storage.getItem(storageKey) ?? '[]');
    return Array.isArray(saved) ? optionalInvoiceColumns.filter((key) => saved.includes(key)) : [];
  } catch {
    return [];
  }
}

/** The optional columns the user hid, remembered across restarts. */
export const hiddenInvoiceColumns = ref<InvoiceColumn[]>(readHidden(window.localStorage));
watch(hiddenInvoiceColumns, (hidden) => window.localStorage.setItem(storageKey, JSON.stringify(hidden)), { deep: true });
