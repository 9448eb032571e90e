import { describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../src-renderer/db/cache-database';
import { putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import { toInvoiceRow, type InvoiceRow } from '../../src-renderer/queries/invoice-row';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';
import type { Invoice } from '../../src-shared/domain/records';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice } from '../support/records';

/**
 * The list's rows are built with shortcuts at load (one copy of each repeated string; an entry
 * that is one record's invoice shares that record's row object; chunks read ahead). Whatever the
 * shortcut, every ledger row says exactly what its entry says, and every record row what its
 * invoice says, as a row built field by field from them would.
 */
const today = '2025-06-30';

/** Fields a ledger row takes from its entry as they are. */
const entryFields = ['id', 'connectionId', 'provider', 'number', 'customerName', 'customerNumber', 'issueDate', 'dueDate', 'currency', 'total', 'paid', 'outstanding', 'status', 'financing', 'customerKey'] as const;

/** The row an entry's figures make, field by field (independent of `entryRow`). */
function expectedRow(entry: LedgerEntry, records: ReadonlyMap<string, InvoiceRow>): InvoiceRow {
  const customer = entry.customerName ?? entry.customerNumber ?? '';
  const references = [...new Set(entry.sources.flatMap((source) => (source.kind === 'invoice' ? [records.get(source.recordId)?.reference ?? ''] : [])))].filter(Boolean);
  const reference = references.join(' ');
  const unknownWord = entry.financing === 'unknown' ? entry.sources.map((source) => records.get(source.recordId)?.providerFinancing).find((word) => word !== undefined) : undefined;
  return {
    ...(Object.fromEntries(entryFields.map((field) => [field, entry[field]])) as Pick<InvoiceRow, (typeof entryFields)[number]>),
    customer,
    credits: null,
    reference,
    ...(unknownWord === undefined ? {} : { providerFinancing: unknownWord }),
    searchText: `${entry.number} ${customer} ${reference}`.toLocaleLowerCase(),
    problems: entry.problems.length,
    opens: entry.sources.some((source) => source.kind === 'invoice') ? 'invoice' : 'case',
  };
}

const flowtly = (ref: string, fields: Partial<Invoice> = {}) => invoice('flowtly-1', ref, { provider: 'flowtly', customer: { name: 'Öberg  Bygg AB', number: '7' }, ...fields });

/** Chunks as syncs write them: several connections, currencies and versions. */
async function fill(db: CacheDatabase): Promise<Invoice[]> {
  const origin = { stream: 'invoices' as const, generation: 1 };
  const many = Array.from({ length: 2_500 }, (_, i) =>
    invoice('aptic-1', String(20_000 + i), {
      currency: i % 3 === 0 ? 'EUR' : 'SEK',
      // Due yesterday, today and tomorrow: overdue, open, open.
      dueDate: ['2025-06-29', '2025-06-30', '2025-07-01'][i % 3]!,
      customer: { name: `Kund ${i % 40}`, number: null },
      raw: { ocrReference: `OCR${i}` },
    }),
  );
  const special: Invoice[] = [
    // Seen by the issuer and the servicer: one entry, the servicer standing, two sources.
    flowtly('f1', { number: 'INV-1', outstanding: 50_00, status: 'open', raw: { clientReference: 'PO-9' } }),
    invoice('aptic-1', 'g1', { number: 'inv-1 ', outstanding: 40_00, paid: 60_00, status: 'overdue', raw: { ocrReference: 'OCR-G1' } }),
    // A credit note taken off what it credits.
    flowtly('f2', { number: 'INV-2', total: 300_00, outstanding: 300_00 }),
    flowtly('f3', { number: 'CR-2', total: -100_00, outstanding: -100_00, raw: { type: 'credit', parent: '/invoices/f2' } }),
    // A credit note whose invoice is not cached: its own entry, not the record's row (that one credits).
    flowtly('f4', { number: 'CR-9', total: -50_00, outstanding: 0, status: 'paid', raw: { type: 'credit', parent: '/invoices/f404' } }),
    // A financing word the app does not know, and one it does.
    invoice('aptic-1', 'u1', { financing: 'unknown', providerFinancing: 'Sålt?' }),
    invoice('aptic-1', 'u2', { financing: 'factored', providerFinancing: 'Factoring' }),
    // Known only from a collection case.
  ];
  for (let from = 0; from < many.length; from += 1_000) await putInvoiceChunk(db, 'aptic-1', origin, many.slice(from, from + 1_000));
  await putInvoiceChunk(db, 'flowtly-1', origin, special.filter((item) => item.connectionId === 'flowtly-1'));
  await putInvoiceChunk(db, 'aptic-1', origin, special.filter((item) => item.connectionId === 'aptic-1'));
  // A later version of one invoice in a later chunk: the one that counts.
  const paid = { ...many[1]!, paid: 100_00, outstanding: 0, status: 'paid' as const };
  await putInvoiceChunk(db, 'aptic-1', { stream: 'invoices', generation: 2 }, [paid]);
  const caseOnly = ['77001'];
  await db.cases.put({ ...collectionCase('confirma-1', 'c1', caseOnly), stream: 'cases', generation: 1, invoiceNumbers: caseOnly });
  return [...many.slice(0, 1), paid, ...many.slice(2), ...special];
}

describe('rows the list loads', () => {
  it('say what their entries and invoices say, whichever row object they share', async () => {
    const { db } = memoryCache();
    const invoices = await fill(db);
    const loaded = await loadLedgerRows(db, today);

    const records = new Map(loaded.records.map((row) => [row.id, row]));
    expect(loaded.records).toHaveLength(invoices.length);
    for (const item of invoices) expect(records.get(item.id)).toEqual(toInvoiceRow(item, today));

    expect(loaded.ledger).toHaveLength(loaded.entries.length);
    loaded.entries.forEach((entry, i) => expect(loaded.ledger[i]).toEqual(expectedRow(entry, records)));

    // The cases above are all there: one entry of two records, a credit taken off, an orphan note, a case-only invoice.
    const byNumber = new Map(loaded.ledger.map((row) => [row.number, row]));
    expect(loaded.entries.find((entry) => entry.number === 'inv-1 ')?.sources).toHaveLength(2);
    expect(byNumber.get('INV-2')?.outstanding).toBe(200_00);
    expect(byNumber.get('CR-9')?.credits).toBeNull();
    expect(records.get('flowtly-1/f4')?.credits).toBe('flowtly-1/f404');
    expect(byNumber.get('77001')?.opens).toBe('case');
    expect(byNumber.get('20001')?.status).toBe('paid');
    expect(['20000', '20001', '20002', '20003'].map((number) => byNumber.get(number)?.status)).toEqual(['overdue', 'paid', 'open', 'overdue']);
    expect(new Set(loaded.ledger.map((row) => row.currency))).toEqual(new Set(['SEK', 'EUR']));
    // An entry that is one record's invoice, saying what it says, is that record's row.
    expect(loaded.ledger.find((row) => row.number === '20002')).toBe(records.get('aptic-1/20002'));
  });

  it('find the entry of every record and case they were joined from, and none of a record they were not', async () => {
    const { db } = memoryCache();
    await fill(db);
    const loaded = await loadLedgerRows(db, today);

    expect(loaded.entryOf('aptic-1/no-such-invoice')).toBeUndefined();
    for (const entry of loaded.entries) for (const source of entry.sources) expect(loaded.entryOf(source.recordId)).toBe(entry);
    expect(loaded.entryOf('flowtly-1/f1')).toBe(loaded.entryOf('aptic-1/g1'));
    expect(loaded.entryOf('confirma-1/c1')?.number).toBe('77001');
  });
});
