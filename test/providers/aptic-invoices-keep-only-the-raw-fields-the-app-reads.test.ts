import { describe, expect, it } from 'vitest';
import { normalizeApticInvoice } from '../../src-main/providers/aptic/normalize';
import { apticListItemSchema } from '../../src-main/providers/aptic/schema';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';

const item = {
  invoiceGuid: '5f0c7a1e-2b1d-4c1a-9d7e-10425aaaaaaa', ledgerType: 'Invoice', clientReferenceNumber: 'RSK-1001', clientName: 'Reskontra Demo AB',
  invoiceNumber: '10425', customerName: 'Acme AB', customerNumber: 'C-17', invoiceDate: '2025-01-31', dueDate: '2025-03-02', daysDue: 120,
  invoiceType: 'Invoice', registrationDate: '2025-01-31', currencyCode: 'SEK', originalPrincipal: 1000, remainingPrincipal: 971.5,
  paidSum: 28.5, remainingSum: 1211.45, service: 'Collection', status: 2 | 4, financeStatus: 0, purchasable: 1, purchased: false, disputed: false,
  someFieldAddedLater: 'x',
};

const invoiceOf = (entry: Record<string, unknown>) => normalizeApticInvoice('aptic-1', apticListItemSchema.parse(entry));

// Every invoice crosses to the window and into the cache: what no screen reads is not carried.
describe('An Aptic invoice keeps of its list entry', () => {
  it('only the client reference when every value read is understood', () => {
    expect(invoiceOf(item).raw).toEqual({ clientReferenceNumber: 'RSK-1001' });
  });

  it('the client reference, searchable on the Invoices screen', () => {
    expect(toInvoiceRow(invoiceOf(item), '2025-06-30').reference).toBe('RSK-1001');
  });

  it('a status with a bit Reskontra does not know, and dates it cannot read, as Aptic sent them', () => {
    const raw = invoiceOf({ ...item, status: 2 | 128, invoiceDate: 'last Tuesday', dueDate: '31/03/2025' }).raw;
    expect(raw).toEqual({ clientReferenceNumber: 'RSK-1001', status: 130, invoiceDate: 'last Tuesday', dueDate: '31/03/2025' });
    expect(invoiceOf({ ...item, status: 2 ** 33 + 2 }).raw['status']).toBe(2 ** 33 + 2);
  });

  it('no reference when Aptic sends none', () => {
    expect(invoiceOf({ ...item, clientReferenceNumber: null }).raw).toEqual({});
  });
});
