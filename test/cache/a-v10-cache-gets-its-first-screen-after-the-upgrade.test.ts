import { describe, expect, it } from 'vitest';
import { readFirstScreen } from '../../src-renderer/db/first-screen';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { storeInvoices } from '../support/cached-invoices';
import { expectKeptScreenIsTheFullLoads, keepFirstScreen } from '../support/kept-first-screen';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, invoice } from '../support/records';

const today = '2025-03-01';

describe('a cache as v10 wrote it, opened by v11', () => {
  it('keeps every record, shows no first screen until a load keeps one, and a write makes that stale', async () => {
    const v10 = memoryCache(schemaVersions.filter((version) => version.version <= 10));
    // v10 writes no stamp: the middleware leaves a cache without the table alone.
    await storeInvoices(v10.db, [{ ...invoice('c1', '1'), stream: 'invoices', generation: 1 }, { ...invoice('c1', '2', { number: '9' }), stream: 'invoices', generation: 1 }]);
    await v10.db.cases.put({ ...collectionCase('c2', 'k1', ['9']), stream: 'cases', generation: 1, invoiceNumbers: ['9'] });
    expect(v10.db.tables.map((table) => table.name)).not.toContain('cacheStamp');
    v10.db.close();

    const { db } = memoryCache(schemaVersions, v10.factory);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await readFirstScreen(db, today)).toEqual({ stamp: '', screen: null });
    expect(await keepFirstScreen(db, today)).toBe(true);
    expect(await expectKeptScreenIsTheFullLoads(db, today)).toBe('checked');
    expect((await readFirstScreen(db, today)).screen!.invoiceRows.map((row) => row.number).sort()).toEqual(['1', '9']);

    await db.cases.delete('c2/k1');
    expect((await readFirstScreen(db, today)).screen).toBeNull();
    expect(await keepFirstScreen(db, today)).toBe(true);
    expect(await expectKeptScreenIsTheFullLoads(db, today)).toBe('checked');
  });
});
