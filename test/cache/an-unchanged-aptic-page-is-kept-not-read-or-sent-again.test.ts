import { afterEach, describe, expect, it } from 'vitest';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { removeConnectionData } from '../../src-renderer/db/remove-connection-data';
import { countedSync, tokenOf, type CountedSync } from './support/counted-sync';
import { walkInvoices } from './support/walk-invoices';

/** 2,500 invoices: three sync pages (1,000, 1,000, 500), each ten or five of Aptic's pages of 100. */
const scale = 2_500;

const chunkSeqs = async (sync: CountedSync) => (await sync.db.invoiceChunks.toCollection().primaryKeys()).sort((a, b) => a - b);
const vatPending = async (sync: CountedSync) => (await sync.db.invoiceDirectory.toArray()).reduce((sum, row) => sum + (row.vatPending ?? 0), 0);

describe('a second walk of Aptic invoices, nothing changed', () => {
  let sync: CountedSync;
  afterEach(async () => sync?.close());

  it('keeps each page the provider answers byte for byte as before, reads what changed, and ends with what a Full resync reads', async () => {
    sync = await countedSync('aptic', { seed: 5, scale });
    expect(await walkInvoices(sync)).toEqual([false, false, false]);
    const seqs = await chunkSeqs(sync);
    expect(seqs.length).toBe(3);
    const first = await sync.snapshot();
    // The walk alone leaves every invoice's VAT pending (the VAT step after it asks for it).
    expect(await vatPending(sync)).toBe(scale);

    // Nothing changed: no invoice is sent or written again, the chunks move into the new walk.
    expect(await walkInvoices(sync)).toEqual([true, true, true]);
    expect(await chunkSeqs(sync)).toEqual(seqs);
    expect(await sync.snapshot()).toEqual(first);
    const { generation } = (await sync.db.syncState.get([sync.connection.id, 'invoices']))!;
    expect((await sync.db.invoicePages.toArray()).map((row) => row.generation)).toEqual([generation, generation, generation]);
    // Still pending, so the next VAT step still asks for it.
    expect(await vatPending(sync)).toBe(scale);

    // One invoice of the second page postponed through Aptic's own write: that page alone is read.
    const secondPage = new Set((await sync.db.invoiceDirectory.get(seqs[1]!))!.ids);
    const changed = (await cachedInvoices(sync.db)).find((invoice) => secondPage.has(invoice.id) && invoice.dueDate !== null)!;
    const postponed = await fetch(`${sync.sandbox.baseUrl}/v1/Invoices/${changed.providerRef}/Postpone`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(sync)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ newDueDate: '2031-01-31' }),
    });
    expect(postponed.status).toBeLessThan(300);
    expect(await walkInvoices(sync)).toEqual([true, false, true]);
    const after = await chunkSeqs(sync);
    expect([after[0], after[1]]).toEqual([seqs[0], seqs[2]]);
    expect(after).toHaveLength(3);
    expect((await cachedInvoices(sync.db)).find((invoice) => invoice.id === changed.id)?.dueDate).toBe('2031-01-31');
    const kept = await sync.snapshot();

    // A Full resync trusts nothing cached: every page is read, and the cache is the same.
    expect(await walkInvoices(sync, { full: true })).toEqual([false, false, false]);
    expect(await sync.snapshot()).toEqual(kept);
  }, 300_000);

  it('resumes a killed walk keeping the rest, reads again a page hashed by an older release, and removal leaves no page row', async () => {
    sync = await countedSync('aptic', { seed: 6, scale });
    await walkInvoices(sync);
    const first = await sync.snapshot();

    // Killed after its first page (kept): resumed, the rest is kept and the sweep deletes nothing kept.
    expect((await walkInvoices(sync, { pages: 1 }))[0]).toBe(true);
    expect(await walkInvoices(sync)).toEqual([true, true]);
    expect(await sync.db.invoiceChunks.count()).toBe(3);
    expect(await sync.snapshot()).toEqual(first);

    // A page stored with the hash of another release's reading (its format is in the hash) is read again.
    const rows = await sync.db.invoicePages.toArray();
    await sync.db.invoicePages.put({ ...rows[1]!, page: { ...rows[1]!.page!, pageHash: 'read-by-an-older-release' } });
    expect(await walkInvoices(sync)).toEqual([true, false, true]);
    expect(await sync.snapshot()).toEqual(first);

    await removeConnectionData(sync.db, sync.connection.id);
    expect([await sync.db.invoiceChunks.count(), await sync.db.invoicePages.count(), await sync.db.invoiceDirectory.count()]).toEqual([0, 0, 0]);
  }, 300_000);
});
