import { afterEach, describe, expect, it } from 'vitest';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { readFirstScreen } from '../../src-renderer/db/first-screen';
import { expectKeptScreenIsTheFullLoads, keepFirstScreen } from '../support/kept-first-screen';
import { countedSync, postponeAptic, type CountedSync } from './support/counted-sync';

const today = '2025-06-30';
const stampOf = async (sync: CountedSync) => (await readFirstScreen(sync.db, today)).stamp;

/**
 * Aptic's pages carry a hash, so a second walk of an unchanged provider keeps every chunk
 * (its `invoicePages` row moves into the walk) and its VAT and details steps find nothing pending:
 * nothing a load reads was written, so the stamp, and the first screen kept under it, must stay.
 * (The other providers' pages carry no hash: their second walk writes every chunk again.)
 */
describe("an unchanged second sync of Aptic's invoices and their details", () => {
  let sync: CountedSync | undefined;
  afterEach(async () => {
    await sync?.close();
    sync = undefined;
  });

  it('leaves the cache stamp and the kept first screen as they were; a changed invoice moves the stamp', async () => {
    sync = await countedSync('aptic', { seed: 7, scale: 250 });
    await sync.sync();
    expect(await keepFirstScreen(sync.db, today)).toBe(true);
    const stamp = await stampOf(sync);

    sync.requests.length = 0;
    await sync.sync();
    expect(sync.requests.filter((request) => /\/v1\/Invoices\/[0-9a-f-]{36}/.test(request))).toEqual([]);
    expect(await stampOf(sync)).toBe(stamp);
    expect(await expectKeptScreenIsTheFullLoads(sync.db, today)).toBe('checked');

    // A changed list entry: its page is read again, so the stamp must move.
    const [changed] = (await cachedInvoices(sync.db)).filter((invoice) => invoice.dueDate !== null);
    expect(await postponeAptic(sync, changed!.providerRef, '2031-01-31')).toBeLessThan(300);
    await sync.sync();
    expect(await stampOf(sync)).not.toBe(stamp);
    expect((await readFirstScreen(sync.db, today)).screen).toBeNull();
  }, 120_000);
});
