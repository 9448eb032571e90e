import { describe, expect, it } from 'vitest';
import { putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import { agingByCurrency } from '../../src-renderer/queries/dashboard-figures';
import { totalsByCurrency } from '../../src-renderer/queries/invoice-filter';
import { loadInvoiceRows, loadLedgerSources } from '../../src-renderer/queries/cache-queries';
import type { LedgerFigures } from '../../src-renderer/queries/ledger-figures';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-rows';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import { aptic, byHandCache, flowtly, today } from '../support/by-hand-ledger-cache';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, ledgerEvent } from '../support/records';

/**
 * The Dashboard's figures are worked out from the join's answer before the ledger's rows are made,
 * without an entry for an invoice that is its invoice's only source (its record's own figures
 * count). Whatever the shortcut, they are the figures of every entry the full join makes, and of
 * the ledger's rows, for every kind of invoice below.
 */
const origin = { stream: 'invoices' as const, generation: 1 };

/** The cache worked out by hand (test/support/by-hand-ledger-cache.ts) and more kinds of invoice. */
async function cache() {
  const db = await byHandCache();
  await putInvoiceChunk(db, 'aptic-1', origin, [
    // Disputed, 100 days past due: owed and aged, never overdue.
    aptic('a5', { number: 'A5', status: 'disputed', dueDate: '2025-03-22' }),
    // The same number in euros and (Flowtly's, below) in kronor: two invoices.
    aptic('a6', { number: 'A6', currency: 'EUR', total: 10_00, outstanding: 10_00, dueDate: '2025-07-01' }),
    // Financed by Vettig (the purchase is on the record itself).
    aptic('a8', { number: 'A8', financing: 'factored', total: 900_00, outstanding: 900_00, dueDate: '2025-04-15' }),
    // In a Confirma case too: the case stands.
    aptic('a7', { number: 'A7', total: 600_00, outstanding: 600_00, dueDate: '2025-02-01' }),
  ]);
  await putInvoiceChunk(db, 'flowtly-1', origin, [
    flowtly('a6', { number: 'a6', total: 20_00, outstanding: 20_00, dueDate: '2025-01-01' }),
    // A credit note of an invoice the cache does not hold: an entry of its own.
    flowtly('f6', { number: 'CR-9', total: -30_00, outstanding: -30_00, raw: { type: 'credit', parent: '/invoices/f99' } }),
  ]);
  // A newer version of A2 (200.00 overdue): part paid since.
  await putInvoiceChunk(db, 'aptic-1', { stream: 'invoices', generation: 2 }, [
    aptic('a2', { number: 'A2', total: 200_00, paid: 50_00, outstanding: 150_00, dueDate: '2025-06-01' }),
  ]);
  const collecting = collectionCase('confirma-1', 'c2', ['a7']);
  collecting.invoices[0]!.capitalAmount = 600_00;
  collecting.invoices[0]!.interestAmount = 12_00;
  await db.cases.put({ ...collecting, stream: 'cases', generation: 1, invoiceNumbers: ['a7'] });
  // Factoring events alone make no entry.
  await db.events.put({ ...ledgerEvent('vettig-1', 'e2', { invoiceNumber: 'Z9' }), stream: 'events', generation: 1 });
  return db;
}

/** The figures the load hands over before the ledger's rows, and those rows. */
async function loaded(db: Awaited<ReturnType<typeof cache>>) {
  let early: LedgerFigures | undefined;
  const { ledger } = await loadLedgerRows(db, today, { figures: (figures) => void (early = figures) });
  return { figures: early!, ledger };
}

function figuresOfRows(rows: Parameters<typeof agingByCurrency>[0] & Parameters<typeof totalsByCurrency>[0], problems: number): LedgerFigures {
  return { totals: totalsByCurrency(rows), aging: agingByCurrency(rows, today), withProblems: problems };
}

describe("the Dashboard's figures, before the ledger's rows", () => {
  it('equal those of every entry the full join makes', async () => {
    const db = await cache();
    const entries = joinLedger({ invoices: await loadInvoiceRows(db, today), ...(await loadLedgerSources(db)) }, today);

    const { figures } = await loaded(db);

    expect(figures).toEqual(figuresOfRows(entries, entries.filter((entry) => entry.problems.length > 0).length));
    // Every kind of invoice above is in them: A2 once, at its newer 150.00.
    expect(figures.totals.find((row) => row.currency === 'SEK')).toMatchObject({
      count: 12,
      // A1, A2, F-10, A5, a6, A8, A7 (the case's capital and interest), INV-2, CR-9, 77001; A4 and INV-3 owe nothing.
      outstanding: 100_00 + 150_00 + 250_00 + 100_00 + 20_00 + 900_00 + 612_00 + 300_00 - 30_00 + 500_00,
    });
    expect(figures.withProblems).toBeGreaterThan(0);
  });

  it("equal those of the ledger's rows", async () => {
    const { figures, ledger } = await loaded(await cache());

    expect(figures).toEqual(figuresOfRows(ledger, ledger.filter((row) => row.problems > 0).length));
  });

  it('are the same over chunks of many invoices, some sharing a number', async () => {
    const { db } = memoryCache();
    const many = Array.from({ length: 3_000 }, (_, i) =>
      aptic(`m${i}`, { number: `M${i % 2_500}`, currency: i % 7 === 0 ? 'EUR' : 'SEK', total: 10_00 + i, outstanding: i % 5 === 0 ? 0 : 10_00 + i, status: i % 5 === 0 ? 'paid' : 'open', dueDate: `2025-0${1 + (i % 9)}-1${i % 10}` }),
    );
    for (let from = 0; from < many.length; from += 1_000) await putInvoiceChunk(db, 'aptic-1', origin, many.slice(from, from + 1_000));
    const entries = joinLedger({ invoices: await loadInvoiceRows(db, today), ...(await loadLedgerSources(db)) }, today);

    expect((await loaded(db)).figures).toEqual(figuresOfRows(entries, entries.filter((entry) => entry.problems.length > 0).length));
  });
});
