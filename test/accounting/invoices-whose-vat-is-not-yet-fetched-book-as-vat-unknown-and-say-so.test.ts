import { describe, expect, it } from 'vitest';
import { basAccountMap } from '../../src-shared/accounting/account-map';
import type { CsvRow } from '../../src-shared/csv/csv-cell';
import type { Invoice } from '../../src-shared/domain/records';
import { buildJournal } from '../../src-renderer/accounting/journal-statement';
import { buildSalesVat } from '../../src-renderer/accounting/sales-vat-statement';
import { buildSie } from '../../src-renderer/accounting/sie-statement';
import { invoiceTables, putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import type { Locale } from '../../src-renderer/i18n/locales';
import accountingMessages from '../../src-renderer/i18n/messages/accounting';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';

const january = { from: '2025-01-01', to: '2025-01-31' };
/** "Not yet fetched" in each language's notices, so the accountant knows to let the sync finish, not to split it by hand. */
const notYetFetched: Record<Locale, RegExp> = { en: /not yet fetched/, sv: /inte hämtad än/, nl: /nog niet opgehaald/, fi: /ei ole vielä haettu/ };

/** A cache holding one invoice with its VAT, one with its VAT pending (the list committed, its VAT not yet), one with none the provider gave. */
async function cacheOf(): Promise<ReturnType<typeof memoryCache>['db']> {
  const { db } = memoryCache();
  const base = { provider: 'aptic' as const, issueDate: '2025-01-10', total: 125_00, outstanding: 125_00, listHash: 'h' };
  const invoices: Invoice[] = [
    invoice('c', 'known', { ...base, number: '1001', vatLines: [{ rate: 2500, net: 100_00, vat: 25_00 }] }),
    invoice('c', 'pending', { ...base, number: '1002', vatPending: 'request-1002' }),
    invoice('c', 'none', { ...base, number: '1003', vatLines: null }),
  ];
  await db.transaction('rw', invoiceTables(db), () => putInvoiceChunk(db, 'c', { stream: 'invoices', generation: 1 }, invoices));
  return db;
}

/** A CSV row's cells as plain values. */
const values = (row: CsvRow) => row.map((cell) => ('minor' in cell ? cell.minor : 'value' in cell ? String(cell.value) : ''));
const subject = (id: string) => (problem: { subject: string }) => problem.subject === id;

describe('an invoice whose VAT the sync has not fetched yet', () => {
  for (const language of ['en', 'sv', 'nl', 'fi'] as const) {
    it(`is booked and listed as VAT unknown, and the notice says it is not yet fetched (${language})`, async () => {
      const db = await cacheOf();
      const journal = await buildJournal(db, { ...january, language, currency: 'SEK', accounts: basAccountMap });
      const sie = await buildSie(db, { ...january, language, accounts: basAccountMap, company: { name: 'Test AB', orgNumber: '556000-0000' }, program: { name: 'Reskontra', version: 'test' }, generated: '2025-02-01' });
      const sales = await buildSalesVat(db, { ...january, language });

      for (const statement of [journal, sie, sales]) {
        const pending = statement.problems.find(subject('c/pending'));
        const none = statement.problems.find(subject('c/none'));
        expect(pending?.code, statement.kind).toBe('vat-unknown');
        expect(pending?.message, statement.kind).toMatch(notYetFetched[language]);
        // An invoice the provider gave no VAT for is unknown too, but not "not yet fetched".
        expect(none?.code, statement.kind).toBe('vat-unknown');
        expect(none?.message, statement.kind).not.toMatch(notYetFetched[language]);
        expect(statement.problems.find(subject('c/known')), statement.kind).toBeUndefined();
      }
      // Booked gross on the VAT-unknown account with code "?", as any unknown VAT is.
      const rows = [...journal.body()].map(values);
      const pendingRows = rows.filter((row) => row.includes('1002'));
      expect(pendingRows.some((row) => row.includes(basAccountMap.salesVatUnknown) && row.includes('?'))).toBe(true);
      // Sales and VAT by rate: the pending invoice is in the "VAT unknown" row with its gross only.
      const salesRows = [...sales.body()].map(values);
      // Two invoices of 125.00 in the "VAT unknown" row: the pending one and the one without VAT.
      expect(salesRows.filter((row) => typeof row[1] === 'string')).toEqual([['SEK', accountingMessages[language].salesVat.unknownRate, '', '', 250_00, '2']]);
    });
  }
});
