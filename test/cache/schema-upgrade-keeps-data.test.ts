import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { invoiceHistory } from '../../src-renderer/queries/cache-queries';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice, ledgerEvent } from '../support/records';
import { invoiceCount } from '../support/cached-invoices';

describe('cache schema upgrades', () => {
  it('opens a v1 cache with the current version and keeps every record', async () => {
    const v1 = memoryCache(schemaVersions.slice(0, 1));
    const origin = { stream: 'invoices' as const, generation: 1 };
    await v1.db.table('invoices').bulkPut([{ ...invoice('c1', '1'), ...origin }, { ...invoice('c1', '2'), ...origin }]);
    await v1.db.events.put({ ...ledgerEvent('c1', 'e1'), stream: 'events', generation: 1 });
    // A v1 case has no invoiceNumbers field: v2 derives it.
    const legacyCase = { ...collectionCase('c1', 'k1', ['10425']), stream: 'cases' as const, generation: 1 };
    await v1.db.table('cases').put(legacyCase);
    await v1.db.syncState.put({
      connectionId: 'c1',
      stream: 'invoices',
      cursor: 'p7',
      generation: 1,
      sweep: false,
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
    });
    expect(v1.db.verno).toBe(1);
    v1.db.close();

    const current = memoryCache(schemaVersions, v1.factory);
    await current.db.open();
    expect(current.db.verno).toBe(schemaVersions.at(-1)!.version);
    expect(await invoiceCount(current.db)).toBe(2);
    expect((await current.db.syncState.get(['c1', 'invoices']))?.cursor).toBe('p7');
    expect((await current.db.cases.get('c1/k1'))?.invoiceNumbers).toEqual(['10425']);
    const history = await invoiceHistory(current.db, '10425');
    expect(history.cases.map((row) => row.id)).toEqual(['c1/k1']);
    expect(history.events.map((row) => row.id)).toEqual(['c1/e1']);
  });

  it('never rewrites a published version', () => {
    // Versions only grow (a number may be taken by another change); a changed v1 would leave existing caches unable to open.
    const numbers = schemaVersions.map((v) => v.version);
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    expect(schemaVersions[0]!.stores).toEqual({
      invoices: 'id, [connectionId+stream], number, [dueDate+id]',
      events: 'id, [connectionId+stream], invoiceNumber, [date+id]',
      cases: 'id, [connectionId+stream]',
      syncState: '[connectionId+stream], connectionId',
    });
  });
});
