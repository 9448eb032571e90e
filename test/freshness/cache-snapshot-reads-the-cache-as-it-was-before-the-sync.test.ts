import { describe, expect, it } from 'vitest';
import { beginSnapshot, cacheSnapshot } from '../../src-renderer/freshness/cache-snapshot';
import { whatChanged } from '../../src-renderer/freshness/what-changed';
import { putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import type { LedgerEvent } from '../../src-shared/domain/records';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';

const today = '2025-03-01';
const cachedEvents = (...events: LedgerEvent[]) => events.map((event) => ({ ...event, stream: 'events' as const, generation: 1 }));

describe('the cache snapshot around a sync', () => {
  it('reads invoices by number with their status today, recourses and open cases', async () => {
    const { db } = memoryCache();
    await putInvoiceChunk(db, 'a', { stream: 'invoices', generation: 1 }, [invoice('a', '100', { dueDate: '2025-02-01' }), invoice('a', '101', { dueDate: '2025-04-01' })]);
    await db.events.bulkPut(cachedEvents(ledgerEvent('v', 'r1', { type: 'recourse', invoiceNumber: '100', amount: 5_000 }), ledgerEvent('v', 'f1')));
    const open = collectionCase('c', 'K1', ['900']);
    await db.cases.bulkPut([open, { ...collectionCase('c', 'K2', ['101']), closedAt: '2025-02-20' }].map((item) => ({ ...item, stream: 'cases' as const, generation: 1, invoiceNumbers: item.invoices.map((i) => i.invoiceNumber) })));

    const snapshot = await cacheSnapshot(db, today, new Map([['x', 'Failing one']]));
    expect([...snapshot.invoices.entries()].map(([key, row]) => [key, row.id, row.status]).sort()).toEqual([
      ['100 SEK', 'a/100', 'overdue'],
      ['101 SEK', 'a/101', 'open'],
      // Known only from its collection case: the entry opens the case.
      ['900 SEK', 'c/K1', 'in-collection'],
    ]);
    expect([...snapshot.recourses.entries()]).toEqual([['v/r1', { invoiceNumber: '100', amount: 5_000, currency: 'SEK' }]]);
    expect([...snapshot.cases.entries()]).toEqual([['c/K1', { reference: 'K1', stage: 'reminder' }]]);
    expect([...snapshot.failing.entries()]).toEqual([['x', 'Failing one']]);
  });

  it('holds nothing a write started after it made, so the sync’s news are all found afterwards', async () => {
    const { db } = memoryCache();
    await putInvoiceChunk(db, 'a', { stream: 'invoices', generation: 1 }, [invoice('a', '100')]);
    const { read } = await beginSnapshot(db, today, new Map());
    // As a sync's first page would: written while the snapshot is being read.
    const write = db.events.bulkPut(cachedEvents(ledgerEvent('v', 'r9', { type: 'recourse', invoiceNumber: '100', amount: 7_500 })));
    const [snapshot] = await Promise.all([read, write]);
    expect(snapshot.recourses.size).toBe(0);
    const after = await cacheSnapshot(db, today, new Map());
    expect(whatChanged(snapshot, after).map((change) => change.key)).toEqual(['recourse v/r9']);
  });
});
