import { describe, expect, it } from 'vitest';
import { putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';
import { loadInvoiceRows } from '../../src-renderer/queries/cache-queries';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { memoryCache } from '../support/memory-cache';
import { invoice } from '../support/records';

const today = '2025-03-01';

describe('loading the invoice rows', () => {
  it('gives every invoice of a chunk larger than one push of rows takes (8,192), once, ordered by id', async () => {
    const { db } = memoryCache();
    const big = Array.from({ length: 20_000 }, (_, i) => invoice('c1', `r${i}`, { number: String(50_000 + i), total: i, outstanding: i % 7 }));
    const small = [invoice('c2', 'x1', { number: '7' }), invoice('c1', 'r3', { number: '50003', total: 99, outstanding: 0 })];
    await putInvoiceChunk(db, 'c1', { stream: 'invoices', generation: 1 }, big);
    await putInvoiceChunk(db, 'c2', { stream: 'invoices', generation: 1 }, small);
    const rows = await loadInvoiceRows(db, today);
    // The later chunk's version of r3 replaces the earlier one.
    const latest = new Map([...big, ...small].map((record) => [record.id, record]));
    const expected = [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((record) => toInvoiceRow(record, today));
    expect(rows).toHaveLength(20_001);
    expect(rows).toEqual(expected);
  });
});
