import type { InvoiceFilter, InvoiceSort } from '../queries/invoice-filter';

/** What the screen an export starts from already knows: its filter, order, connection, period or invoice. */
export interface ExportContext {
  filter?: InvoiceFilter;
  sort?: InvoiceSort;
  connectionId?: string;
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  invoiceNumber?: string;
}
