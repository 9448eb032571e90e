import { calendarToday } from '../../../src-shared/dates/today';
import { z } from 'zod';
import type { Connection } from '../../../src-shared/domain/connection';
import type { SyncRecord } from '../../../src-shared/domain/records';
import type { SyncPage } from '../../../src-shared/rpc/sync-methods';
import type { HttpOptions } from '../http-options';
import type { ProviderClient, SecretAccess } from '../provider-client';
import { InvalidPageError } from '../provider-failure';
import { createSecretRedaction } from '../secret-redaction';
import { createProviderHttp, validatePage } from '../provider-http';
import { staticBearerAuth } from '../client-credentials-auth';
import { createDetailLimiter, mapInTurn } from '../detail-limiter';
import { normalizeEach, refField, type Normalized } from '../normalize-each';
import { checkPagesEnd, decodeCursor, encodeCursor, unknownStream } from '../sync-cursor';
import { decodeDetailRequests, resolveDetails } from '../detail-requests';
import { callsFlowtly, flowtlyRowsRequestSchema, flowtlyRowsVat, flowtlyRowsWork } from './invoice-rows';
import { iriId, normalizeFlowtlyInvoice, normalizeFlowtlyTransaction } from './normalize';
import { flowtlyCollectionSchema, flowtlyInvoiceFactsSchema, flowtlyInvoiceSchema, flowtlyTransactionSchema, type FlowtlyTransaction } from './schema';

type FlowtlyConnection = Extract<Connection, { provider: 'flowtly' }>;

export const flowtlyPageSize = 100;
const pageCursor = z.object({ page: z.number().int().positive(), done: z.number().int().nonnegative() }).strict();
// Members are read record by record (normalize-each.ts): the envelope only needs a list.
const collection = flowtlyCollectionSchema(z.unknown());
const idRef = refField('id');
/** Invoice number and currency per invoice IRI, so transactions carry their invoice's currency. */
const invoiceFactsLimit = 20_000;

/**
 * Flowtly (API Platform). Bearer API token; collections paged with `?page=N&itemsPerPage=M`,
 * following `hydra:next`. Streams: `invoices` (each with its rows' net and VAT per rate, see
 * `invoice-rows.ts`) and `invoice-transactions`.
 */
export function createFlowtlyClient(connection: FlowtlyConnection, secrets: SecretAccess, options: HttpOptions): ProviderClient {
  const redaction = createSecretRedaction();
  const { redact } = redaction;
  const auth = staticBearerAuth(async () => {
    const { apiToken } = (await secrets.read()) as { apiToken: string };
    redaction.remember(apiToken);
    return apiToken;
  });
  const httpConfig = {
    provider: 'flowtly',
    baseUrl: connection.baseUrl,
    options,
    auth,
    redact,
    accept: 'application/ld+json, application/json;q=0.9',
  } as const;
  const http = createProviderHttp(httpConfig);
  // Every per-invoice call (rows, an invoice's number and currency) shares one pace.
  const detailHttp = createProviderHttp({ ...httpConfig, limiter: createDetailLimiter({ maxWindowMs: options.maxRetryAfterMs }) });
  const invoiceFacts = new Map<string, { number: string; currency: string }>();
  const rowsVat = flowtlyRowsVat(detailHttp, redact);

  const remember = (id: string, facts: { number: string; currency: string }) => {
    if (invoiceFacts.size >= invoiceFactsLimit) invoiceFacts.clear();
    invoiceFacts.set(id, facts);
  };

  /** The number and currency of a transaction's invoice; null when Flowtly's invoice lacks them. */
  const factsOf = async (invoiceIri: string) => {
    const id = iriId(invoiceIri);
    const cached = invoiceFacts.get(id);
    if (cached) return cached;
    const facts = await detailHttp.getJson(`invoices/${encodeURIComponent(id)}`, (body) => {
      const invoice = flowtlyInvoiceFactsSchema.safeParse(body);
      return invoice.success ? { number: invoice.data.name ?? String(invoice.data.id), currency: invoice.data.currency } : null;
    });
    if (facts) remember(id, facts);
    return facts;
  };

  const nextPage = (page: number, next: string | null, count: number, plain: boolean): number | null => {
    if (next) {
      // An empty page ends the walk whatever its link says; a link without a page number too.
      const value = Number(new URL(next, 'http://flowtly.invalid').searchParams.get('page'));
      return count > 0 && Number.isInteger(value) && value > 0 ? value : null;
    }
    return plain && count >= flowtlyPageSize ? page + 1 : null;
  };

  return {
    provider: 'flowtly',
    async test() {
      await http.getJson('invoices', (body) => validatePage(collection, body, 'invoices'), { page: 1, itemsPerPage: 1 });
      return { ok: true };
    },
    async details(stream, requests) {
      if (stream !== 'invoices') throw unknownStream('Flowtly', stream);
      return { details: (await rowsVat(decodeDetailRequests(requests, flowtlyRowsRequestSchema, stream))).map((vatLines) => ({ vatLines })) };
    },
    async page(stream, cursor, options) {
      const { page, done } = cursor === null ? { page: 1, done: 0 } : decodeCursor(cursor, pageCursor, stream);
      const query = { page, itemsPerPage: flowtlyPageSize };
      if (stream === 'invoices') {
        const result = await http.getJson(
          'invoices',
          (body) => {
            const list = validatePage(collection, body, `invoices page ${page}`);
            const read = normalizeEach(
              list.members,
              {
                kind: 'invoice',
                refOf: idRef,
                read: (item, ref) => normalizeFlowtlyInvoice(connection.id, validatePage(flowtlyInvoiceSchema, item, `invoice ${ref ?? 'without id'}`), calendarToday()),
              },
              redact,
            );
            return { list, read };
          },
          query,
        );
        for (const invoice of result.read.records) remember(invoice.providerRef, { number: invoice.number, currency: invoice.currency });
        const work = flowtlyRowsWork(result.list.members, result.read.records);
        // Rows embedded in the list cost no call: read at once; rows by IRI are a call each.
        await resolveDetails(work.filter((item) => !callsFlowtly(item.request)), rowsVat, false);
        const pendingDetails = await resolveDetails(work.filter((item) => callsFlowtly(item.request)), rowsVat, options?.deferDetails ?? false);
        return { ...pageResult(result.list, result.read, page, done), ...(pendingDetails ? { pendingDetails } : {}) };
      }
      if (stream === 'invoice-transactions') {
        const list = await http.getJson('invoice-transactions', (body) => validatePage(collection, body, `invoice transactions page ${page}`), query);
        const transactionRef = (item: unknown) => {
          const ref = idRef(item);
          return ref === null ? null : `transaction-${ref}`;
        };
        const parsed = normalizeEach<FlowtlyTransaction>(
          list.members,
          {
            kind: 'ledger-event',
            refOf: transactionRef,
            read: (item, ref) => validatePage(flowtlyTransactionSchema, item, `invoice ${ref ?? 'transaction without id'}`),
          },
          redact,
        );
        // A transaction without an amount moves no money: it is left out.
        const paying = parsed.records.filter((transaction) => transaction.amount !== null);
        const invoices = [...new Set(paying.map((transaction) => transaction.invoice))];
        const facts = new Map(await mapInTurn(invoices, async (iri) => [iri, await factsOf(iri)] as const));
        const read = normalizeEach(
          paying,
          {
            kind: 'ledger-event',
            refOf: transactionRef,
            read: (transaction: FlowtlyTransaction) => {
              const invoice = facts.get(transaction.invoice);
              if (!invoice) throw new InvalidPageError(`invoice transaction ${transaction.id}: its invoice ${transaction.invoice} has no readable number and currency`, { code: 'transactionInvoice', invoice: transaction.invoice });
              return normalizeFlowtlyTransaction(connection.id, transaction, invoice);
            },
          },
          redact,
        );
        return pageResult(list, { records: read.records, quarantined: [...parsed.quarantined, ...read.quarantined] }, page, done);
      }
      throw unknownStream('Flowtly', stream);
    },
  };

  function pageResult(
    collection: { members: unknown[]; total: number | null; next: string | null; plain: boolean },
    { records, quarantined }: Normalized<SyncRecord>,
    page: number,
    doneBefore: number,
  ): SyncPage {
    const following = nextPage(page, collection.next, collection.members.length, collection.plain);
    const done = doneBefore + collection.members.length;
    checkPagesEnd('flowtly', { page, next: following, done, total: collection.total, pageSize: flowtlyPageSize });
    return {
      records,
      quarantined,
      nextCursor: following === null ? null : encodeCursor({ page: following, done }),
      progress: collection.total === null ? { done } : { done, total: collection.total },
    };
  }
}
