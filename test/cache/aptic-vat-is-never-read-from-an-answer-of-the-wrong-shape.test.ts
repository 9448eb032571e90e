import { afterEach, describe, expect, it } from 'vitest';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { countedSync, type CountedSync } from './support/counted-sync';

describe("Aptic invoices' VAT under answers of no documented shape", () => {
  const syncs: CountedSync[] = [];
  afterEach(async () => {
    await Promise.all(syncs.map((sync) => sync.close()));
    syncs.length = 0;
  });

  it('is asked for again, never stored as "VAT unknown" (which no later sync would correct while the invoice stays the same)', async () => {
    const clean = await countedSync('aptic', { seed: 12, scale: 60 });
    // One answer in four is valid JSON of no documented shape; the HTTP layer asks again up to its retry limit.
    const faulty = await countedSync('aptic', { seed: 12, scale: 60, faults: { wrongShape: 0.25 } });
    syncs.push(clean, faulty);
    await clean.sync();
    // The sandbox draws faults in the order requests arrive, which concurrent calls change: now and
    // then one call meets a wrong shape on every try and its page fails, as it should. Pressing
    // Sync again resumes and asks for it again; what must never happen is a stored "VAT unknown".
    for (let round = 1; ; round += 1) {
      try {
        await faulty.sync();
        break;
      } catch (error) {
        if (round === 5) throw error;
      }
    }
    const vatOf = async (sync: CountedSync) => new Map((await cachedInvoices(sync.db)).map((invoice) => [invoice.providerRef, invoice.vatLines]));
    const expected = await vatOf(clean);
    expect(expected.size).toBe(60);
    expect([...expected.values()].every((lines) => (lines?.length ?? 0) > 0)).toBe(true);
    expect(await vatOf(faulty)).toEqual(expected);
  });
});
