import { calendarToday } from '../../../src-shared/dates/today';
import { z } from 'zod';
import type { Connection } from '../../../src-shared/domain/connection';
import type { LedgerEvent, SyncRecord } from '../../../src-shared/domain/records';
import type { SyncPage } from '../../../src-shared/rpc/sync-methods';
import type { HttpOptions } from '../http-options';
import type { ProviderClient, SecretAccess } from '../provider-client';
import { redactor } from '../provider-failure';
import { createProviderHttp, validatePage } from '../provider-http';
import { staticBearerAuth } from '../client-credentials-auth';
import { mapLimited } from '../map-limited';
import { decodeCursor, encodeCursor, unknownStream } from '../sync-cursor';
import { iriId, normalizeFlowtlyInvoice, normalizeFlowtlyTransaction } from './normalize';
import { flowtlyCollectionSchema, flowtlyInvoiceSchema, flowtlyTransactionSchema } from './schema';

type FlowtlyConnection = Extract<Connection, { provider: 'flowtly' }>;

export const flowtlyPageSize = 100;
const pageCursor = z.object({ page: z.number().int().positive(), done: z.number().int().nonnegative() }).strict();
const invoiceCollection = flowtlyCollectionSchema(flowtlyInvoiceSchema);
const transactionCollection = flowtlyCollectionSchema(flowtlyTransactionSchema);
/** Invoice number and currency per invoice IRI, so transactions carry their invoice's currency. */
const invoiceFactsLimit = 20_000;

/**
 * Flowtly (API Platform). Bearer API token; collections paged with `?page=N&itemsPerPage=M`,
 * following `hydra:next`. Streams: `invoices` and `invoice-transactions`.
 */
export function createFlowtlyClient(connection: FlowtlyConnection, secrets: SecretAccess, options: HttpOptions): ProviderClient {
  const known: string[] = [];
  const redact = redactor(() => known);
  const auth = staticBearerAuth(async () => {
    const { apiToken } = (await secrets.read()) as { apiToken: string };
    known.push(apiToken);
    return apiToken;
  });
  const http = createProviderHttp({
    provider: 'flowtly',
    baseUrl: connection.baseUrl,
    options,
    auth,
    redact,
    accept: 'application/ld+json, application/json;q=0.9',
  });
  const invoiceFacts = new Map<string, { number: string; currency: string }>();

  const remember = (id: string, facts: { number: string; currency: string }) => {
    if (invoiceFacts.size >= invoiceFactsLimit) invoiceFacts.clear();
    invoiceFacts.set(id, facts);
  };

  const factsOf = async (invoiceIri: string) => {
    const id = iriId(invoiceIri);
    const cached = invoiceFacts.get(id);
    if (cached) return cached;
    const invoice = await http.getJson(`invoices/${encodeURIComponent(id)}`, (body) =>
      normalizeFlowtlyInvoice(connection.id, validatePage(flowtlyInvoiceSchema, body, `invoice ${id}`), calendarToday()),
    );
    const facts = { number: invoice.number, currency: invoice.currency };
    remember(id, facts);
    return facts;
  };

  const nextPage = (page: number, next: string | null, count: number, plain: boolean): number | null => {
    if (next) {
      const value = Number(new URL(next, 'http://flowtly.invalid').searchParams.get('page'));
      return Number.isInteger(value) && value > page ? value : null;
    }
    return plain && count >= flowtlyPageSize ? page + 1 : null;
  };

  return {
    provider: 'flowtly',
    async test() {
      await http.getJson('invoices', (body) => validatePage(invoiceCollection, body, 'invoices'), { page: 1, itemsPerPage: 1 });
      return { ok: true };
    },
    async page(stream, cursor) {
      const { page, done } = cursor === null ? { page: 1, done: 0 } : decodeCursor(cursor, pageCursor, stream);
      const query = { page, itemsPerPage: flowtlyPageSize };
      if (stream === 'invoices') {
        const result = await http.getJson(
          'invoices',
          (body) => {
            const collection = validatePage(invoiceCollection, body, `invoices page ${page}`);
            return { collection, records: collection.members.map((item) => normalizeFlowtlyInvoice(connection.id, item, calendarToday())) };
          },
          query,
        );
        for (const invoice of result.records) remember(invoice.providerRef, { number: invoice.number, currency: invoice.currency });
        return pageResult(result.collection, result.records, page, done);
      }
      if (stream === 'invoice-transactions') {
        const collection = await http.getJson(
          'invoice-transactions',
          (body) => validatePage(transactionCollection, body, `invoice transactions page ${page}`),
          query,
        );
        // A transaction without an amount moves no money: it is left out.
        const paying = collection.members.filter((transaction) => transaction.amount !== null);
        const invoices = [...new Set(paying.map((transaction) => transaction.invoice))];
        const facts = new Map(await mapLimited(invoices, 5, async (iri) => [iri, await factsOf(iri)] as const));
        const records: LedgerEvent[] = paying.map((transaction) =>
          normalizeFlowtlyTransaction(connection.id, transaction, facts.get(transaction.invoice) as { number: string; currency: string }),
        );
        return pageResult(collection, records, page, done);
      }
      throw unknownStream('Flowtly', stream);
    },
  };

  function pageResult(
    collection: { members: unknown[]; total: number | null; next: string | null; plain: boolean },
    records: SyncRecord[],
    page: number,
    doneBefore: number,
  ): SyncPage {
    const following = nextPage(page, collection.next, collection.members.length, collection.plain);
    const done = doneBefore + collection.members.length;
    return {
      records,
      nextCursor: following === null ? null : encodeCursor({ page: following, done }),
      progress: collection.total === null ? { done } : { done, total: collection.total },
    };
  }
}
