import type { FinancingState, InvoiceStatus } from '../../src-shared/domain/records';
import { toInvoiceRow, type InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from './records';

/** What the list tests vary of an invoice record. */
export interface ListRowFields {
  ref: string;
  connection: string;
  /** A customer's name; empty: none, the record names a customer number instead. */
  customer: string;
  issueDate: string | null;
  dueDate: string | null;
  currency: string;
  total: number;
  outstanding: number;
  status: InvoiceStatus;
  financing?: string;
}

/** A record of those fields as a list row, as a load makes it (its number is its reference). */
export function listRowOf(f: ListRowFields, today: string): InvoiceRow {
  return toInvoiceRow(
    invoice(f.connection, f.ref, {
      number: f.ref,
      customer: { name: f.customer || null, number: f.customer ? null : `K${f.ref}` },
      issueDate: f.issueDate,
      dueDate: f.dueDate,
      currency: f.currency,
      total: f.total,
      outstanding: f.outstanding,
      status: f.status,
      ...(f.financing === undefined ? {} : { financing: f.financing as FinancingState }),
    }),
    today,
  );
}
