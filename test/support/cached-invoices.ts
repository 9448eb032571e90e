import type { CacheDatabase, CachedInvoice } from '../../src-renderer/db/cache-database';
import { cachedInvoices, invoiceTables, putInvoiceChunk } from '../../src-renderer/db/invoice-chunks';

/** Stores invoices as a sync would, one chunk per connection, stream and generation, in one transaction. */
export async function storeInvoices(db: CacheDatabase, invoices: readonly CachedInvoice[]): Promise<void> {
  const groups = new Map<string, CachedInvoice[]>();
  for (const invoice of invoices) {
    const key = JSON.stringify([invoice.connectionId, invoice.stream, invoice.generation]);
    groups.set(key, [...(groups.get(key) ?? []), invoice]);
  }
  await db.transaction('rw', invoiceTables(db), async () => {
    for (const group of groups.values()) {
      const { connectionId, stream, generation } = group[0]!;
      await putInvoiceChunk(db, connectionId, { stream, generation }, group.map(({ stream: _stream, generation: _generation, ...invoice }) => invoice));
    }
  });
}

/** How many invoices the cache holds (each once, whatever chunks hold it). */
export async function invoiceCount(db: CacheDatabase): Promise<number> {
  return (await cachedInvoices(db)).length;
}
