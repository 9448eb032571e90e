import { basAccountMap } from '../../../src-shared/accounting/account-map';
import { invoiceLookup, periodJournal, type JournalEntry } from '../../../src-shared/accounting/period-journal';
import { invoice, ledgerEvent } from '../../support/records';

/**
 * January 2025 of a business with an own ledger (Aptic), factoring (Vettig) and collection
 * (Confirma): every booking rule once, Swedish letters in the customers, one EUR movement.
 */
export function samplePeriod(): JournalEntry[] {
  const invoices = [
    invoice('aptic', '1001', { number: '1001', customer: { name: 'Åsa Öberg AB', number: null }, total: 1250_00 }),
    invoice('vettig', '10425', { provider: 'vettig', number: '10425', customer: { name: 'Ängsbacka "Café" ÖÄÅ', number: null }, financing: 'recoursed' }),
    invoice('aptic', '1002', { number: '1002', customer: { name: 'Sold Oy', number: null }, financing: 'factored' }),
  ];
  const aptic = (ref: string, fields: Parameters<typeof ledgerEvent>[2]) => ledgerEvent('aptic', ref, { provider: 'aptic', invoiceNumber: '1001', ...fields });
  const vettig = (ref: string, fields: Parameters<typeof ledgerEvent>[2]) => ledgerEvent('vettig', ref, { invoiceNumber: '10425', ...fields });
  const events = [
    aptic('t1', { type: 'invoiced', date: '2025-01-02', amount: 1250_00 }),
    aptic('t2', { type: 'fee', date: '2025-01-20', amount: 60_00 }),
    aptic('t3', { type: 'interest', date: '2025-01-25', amount: 12_34 }),
    aptic('t4', { type: 'payment', date: '2025-01-28', amount: 1322_34 }),
    aptic('t5', { type: 'credited', date: '2025-01-29', amount: 100_00 }),
    aptic('t6', { type: 'payment', date: '2025-01-29', amount: 50_00, invoiceNumber: '1002' }),
    vettig('e1', { type: 'financed', amount: 1000_00 }),
    vettig('e2', { type: 'charge', amount: 9_00, net: 7_20, vat: 1_80 }),
    vettig('e3', { type: 'charge', amount: 19_50, net: 15_60, vat: 3_90 }),
    vettig('e4', { type: 'payout', amount: 971_50 }),
    vettig('e5', { type: 'recourse', date: '2025-01-31', amount: 1000_00 }),
    ledgerEvent('confirma', 'allocation-7', {
      provider: 'confirma', type: 'settlement-allocation', date: '2025-01-30', amount: 560_00, invoiceNumber: '1001',
      breakdown: { capital: 500_00, interest: 20_00, fees: 40_00 }, caseRef: '77',
    }),
    ledgerEvent('confirma', 'allocation-8', {
      provider: 'confirma', type: 'payment', date: '2025-01-30', amount: 100_00, invoiceNumber: '1001', breakdown: { capital: 100_00, interest: 0, fees: 0 },
    }),
    aptic('t7', { type: 'payment', date: '2025-01-15', amount: 30_00, currency: 'EUR' }),
    aptic('t8', { type: 'payment', date: '2025-02-01', amount: 1_00 }),
  ];
  // No ledger documents: the sample books Aptic's own invoiced and credited events, as a provider's event for an invoice no record covers is.
  return periodJournal(events, invoiceLookup(invoices), { from: '2025-01-01', to: '2025-01-31' }, []);
}

export const sampleCompany = { name: 'Åkesson & Söner AB', orgNumber: '556677-8899' };
export const sampleAccounts = basAccountMap;
