import { afterEach, describe, expect, it, vi } from 'vitest';
import { CompactInvoices } from '../../src-renderer/invoices/compact-invoices';
import { idRanks, sortedPositions } from '../../src-renderer/invoices/compact-invoice-query';
import { createInvoiceFilterCache } from '../../src-renderer/invoices/invoice-filter-cache';
import { toInvoiceRow } from '../../src-renderer/queries/invoice-row';
import { invoice } from '../support/records';

const today = '2025-06-30';

afterEach(() => vi.unstubAllGlobals());

describe('the search warm-up in a page', () => {
  it('swallows what fails in it: amounts past exact sums fail in the warm-up and in the list answer alike, the list alone reports it', async () => {
    // A page that paints frames, hidden (so the bits are read at once).
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 0));
    vi.stubGlobal('document', { visibilityState: 'hidden' });
    const rejected: unknown[] = [];
    const onRejection = (reason: unknown) => rejected.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      // Three amounts of 2^52 minor units: their sum is past 2^53, so no total of them is exact.
      const rows = [1, 2, 3].map((n) => toInvoiceRow(invoice('c1', String(n), { total: 2 ** 52, outstanding: 0 }), today));
      const index = new CompactInvoices(rows);
      const answer = createInvoiceFilterCache()(index, sortedPositions(index, { column: 'dueDate', direction: 'desc' }, idRanks(index)), {}, today);
      expect(() => answer.totals()).toThrow(RangeError);
      // The warm-up runs after the next frame and a message; give it time to fail.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rejected).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
