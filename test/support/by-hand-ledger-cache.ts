import type { Invoice } from '../../src-shared/domain/records';
import { putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import { memoryCache } from './memory-cache';
import { collectionCase, invoice, ledgerEvent } from './records';

/**
 * A cache whose Dashboard figures are worked out by hand in
 * test/ledger/dashboard-figures-count-every-invoice-once.test.ts: invoices alone, shared, credited
 * and in a case only, in two currencies, on `today`.
 */
export const today = '2025-06-30';
const customer = { name: 'Öberg Bygg AB', number: null };
export const flowtly = (ref: string, fields: Partial<Invoice> = {}) => invoice('flowtly-1', ref, { provider: 'flowtly', customer, ...fields });
export const aptic = (ref: string, fields: Partial<Invoice> = {}) => invoice('aptic-1', ref, { customer, ...fields });

export async function byHandCache() {
  const { db } = memoryCache();
  const origin = { stream: 'invoices' as const, generation: 1 };
  await putInvoiceChunk(db, 'aptic-1', origin, [
    // Alone, open: 100.00 not yet due. A Vettig factoring event joins it, with no balance of its own.
    aptic('a1', { number: 'A1', dueDate: '2025-07-15' }),
    // Alone, overdue by 29 days: 200.00.
    aptic('a2', { number: 'A2', total: 200_00, outstanding: 200_00, dueDate: '2025-06-01' }),
    // Alone, in euros, overdue by 60 days: 50.00.
    aptic('a3', { number: 'A3', currency: 'EUR', total: 50_00, outstanding: 50_00, dueDate: '2025-05-01' }),
    // Alone and paid: counted, owes nothing.
    aptic('a4', { number: 'A4', total: 70_00, paid: 70_00, outstanding: 0, status: 'paid' }),
    // Shared with Flowtly's F-10: the servicer stands, 250.00 overdue by 20 days, counted once.
    aptic('g10', { number: 'f-10 ', total: 300_00, paid: 50_00, outstanding: 250_00, dueDate: '2025-06-10' }),
  ]);
  await putInvoiceChunk(db, 'flowtly-1', origin, [
    flowtly('f10', { number: 'F-10', total: 300_00, outstanding: 300_00, dueDate: '2025-06-10' }),
    // 400.00 less a 100.00 credit note: 300.00 open; the note is no invoice of its own.
    flowtly('f2', { number: 'INV-2', total: 400_00, outstanding: 400_00, dueDate: '2025-07-30' }),
    flowtly('f3', { number: 'CR-2', total: -100_00, outstanding: -100_00, raw: { type: 'credit', parent: '/invoices/f2' } }),
    // 80.00 credited in full: counted, owes nothing.
    flowtly('f4', { number: 'INV-3', total: 80_00, outstanding: 80_00, dueDate: '2025-07-30' }),
    flowtly('f5', { number: 'CR-3', total: -80_00, outstanding: -80_00, raw: { type: 'credit', parent: '/invoices/f4' } }),
  ]);
  // Known only from an open collection case: 500.00 in collection, no invoice total, no due date.
  const held = collectionCase('confirma-1', 'c1', ['77001']);
  held.invoices[0]!.capitalAmount = 500_00;
  await db.cases.put({ ...held, stream: 'cases', generation: 1, invoiceNumbers: ['77001'] });
  await db.events.put({ ...ledgerEvent('vettig-1', 'e1', { invoiceNumber: 'A1' }), stream: 'events', generation: 1 });
  return db;
}
