import type { RouteLocationRaw } from 'vue-router';
import type { InvoiceRow } from '../queries/invoice-row';

/** Where an invoice's link goes: its page, or its collection case's when no provider holds an invoice record of it. */
export function invoiceLink(row: Pick<InvoiceRow, 'id' | 'opens'>): RouteLocationRaw {
  return { name: row.opens === 'case' ? 'case' : 'invoice', params: { id: row.id } };
}
