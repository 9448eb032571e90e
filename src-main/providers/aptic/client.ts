import type { z } from 'zod';
import type { Connection } from '../../../src-shared/domain/connection';
import type { Invoice, LedgerEvent, SyncRecord } from '../../../src-shared/domain/records';
import { maxKnownPagesPerCall, type KnownPage, type SyncPage } from '../../../src-shared/rpc/sync-methods';
import { clientCredentialsAuth } from '../client-credentials-auth';
import type { HttpOptions } from '../http-options';
import type { ProviderClient, SecretAccess } from '../provider-client';
import { joinNormalized, normalizeEach, refField, type Normalized, type RecordReader } from '../normalize-each';
import { createSecretRedaction, type Redact } from '../secret-redaction';
import { createProviderHttp, validatePage, type ProviderHttp } from '../provider-http';
import { createDetailLimiter, mapInTurn } from '../detail-limiter';
import { createReadAhead } from '../read-ahead';
import { checkPagesEnd, decodeCursor, unknownStream } from '../sync-cursor';
import { apticInvoiceListPages, apticInvoicePageSize, apticSkipCursor, knownAt, pagedOver, pageOf, pagesAhead } from './invoice-list-pages';
import { normalizeApticInvoice, normalizeApticTransaction } from './normalize';
import { apticWrites } from './writes';
import { apticDetailsItem, apticListHash, apticVat, apticVatRequestSchema } from './vat-lines';
import { decodeDetailRequests } from '../detail-requests';
import { normalizeApticFinancialDetails, type BookedByTransactions } from './normalize-financial-details';
import {
  apticFinancialDetailsSchema,
  apticInvoiceListSchema,
  apticListItemSchema,
  apticTransactionListSchema,
  apticTransactionSchema,
  plainApticListItem,
  type ApticDetailsItem,
  type ApticListItem,
} from './schema';

type ApticConnection = Extract<Connection, { provider: 'aptic' }>;

export { apticInvoicePageSize, apticInvoicePagesPerCall, apticListConcurrency } from './invoice-list-pages';

/**
 * Invoices per `invoice-details` page, Aptic's most: each costs two calls (transactions, financial
 * details) when it changed, so a page gives the detail limiter up to 100 invoices to pace.
 */
export const apticDetailsBatchSize = apticInvoicePageSize;
/** How old a page fetched ahead may be when the renderer asks for it. */
const readAheadMaxAgeMs = 10_000;

/** More pages of transactions than this for one invoice is a provider paging forever, not a ledger. */
const maxTransactionPagesPerInvoice = 100;

/**
 * Aptic API Gateway, Invoices v1.0. OAuth client credentials at the token path (a setting),
 * `$skip`/`$top` paging. Streams: `invoices` (100 per page, each with its VAT from its detail) and `invoice-details` (for a batch
 * of invoices: their transactions and, from their financial details, the purchase booked in full).
 */
export function createApticClient(connection: ApticConnection, secrets: SecretAccess, options: HttpOptions): ProviderClient {
  const redaction = createSecretRedaction();
  const { redact } = redaction;
  const auth = clientCredentialsAuth({
    provider: 'aptic',
    baseUrl: connection.baseUrl,
    tokenPath: connection.settings.tokenPath,
    credentials: async () => {
      const secret = (await secrets.read()) as { clientId: string; clientSecret: string };
      redaction.remember(secret.clientId, secret.clientSecret);
      return secret;
    },
    options,
    redact,
    onToken: (token) => redaction.remember(token),
  });
  const httpConfig = { provider: 'aptic', baseUrl: connection.baseUrl, options, auth, redact } as const;
  const http = createProviderHttp(httpConfig);
  // Every per-invoice detail (VAT, transactions, financial details) shares one pace.
  const detailHttp = createProviderHttp({ ...httpConfig, limiter: createDetailLimiter({ maxWindowMs: options.maxRetryAfterMs }) });

  /** A page of the invoice list, handed to `read` with its text once its envelope is valid. */
  const invoiceList = <T>(skip: number, top: number, read: (list: z.output<typeof apticInvoiceListSchema>, text: string) => T) =>
    http.getJson('v1/Invoices', (body, _headers, text) => read(validatePage(apticInvoiceListSchema, body, `invoices from ${skip}`), text), { $skip: skip, $top: top });
  const vat = apticVat(detailHttp);
  const invoicePage = apticInvoiceListPages(http, invoiceReader(connection.id), vat, redact);
  // While the renderer stores one sync page, the next ones are fetched (see read-ahead.ts,
  // `pagesAhead`), so the provider waits for neither. The key names the deferral and the known
  // page too: a page read ahead with its VAT is not one read without, nor one compared with a hash.
  const invoicesAhead = createReadAhead<SyncPage>(readAheadMaxAgeMs, Date.now, maxKnownPagesPerCall - 1);

  return {
    provider: 'aptic',
    writes: apticWrites(http, connection.id),
    async test() {
      await http.getJson('v1/Invoices/Ping', () => undefined);
      return { ok: true };
    },
    async details(stream, requests) {
      if (stream === 'invoices') return { details: (await vat(decodeDetailRequests(requests, apticVatRequestSchema, stream))).map((vatLines) => ({ vatLines })) };
      if (stream !== 'invoice-details') throw unknownStream('Aptic', stream);
      // The invoices stream's request: its page names every invoice's, and the renderer asks for the changed ones.
      const items = decodeDetailRequests(requests, apticVatRequestSchema, stream).map(apticDetailsItem);
      return { details: await mapInTurn(items, (item) => detailsOf(detailHttp, connection.id, item, redact)) };
    },
    async page(stream, cursor, options) {
      const { skip } = cursor === null ? { skip: 0 } : decodeCursor(cursor, apticSkipCursor, stream);
      if (stream === 'invoices') {
        const defer = options?.deferDetails ?? false;
        const known = knownAt(options?.known, skip);
        const key = (at: number, knownThere: KnownPage | undefined) => `${at}:${defer}:${knownThere?.pageHash ?? ''}`;
        const page = (await invoicesAhead.take(key(skip, known))?.catch(() => null)) ?? (await invoicePage(skip, defer, known));
        const next = page.nextCursor === null ? null : decodeCursor(page.nextCursor, apticSkipCursor, stream).skip;
        for (const ahead of pagesAhead(options?.known, next)) invoicesAhead.start(key(ahead.skip, ahead.known), () => invoicePage(ahead.skip, defer, ahead.known));
        return page;
      }
      if (stream === 'invoice-details') {
        const list = await invoiceList(skip, apticDetailsBatchSize, (list) => list);
        // An item that does not read is quarantined by the invoices stream; its details wait for it.
        const readable = list.value.flatMap((value) => {
          const item = apticListItemSchema.safeParse(value);
          return item.success ? [item.data] : [];
        });
        const count = pagedOver(list.value, apticDetailsBatchSize);
        // The app asks for no page of this stream: its details step asks for the changed invoices'
        // details by the invoices stream's requests (`details`). A page lists and fetches them all.
        const perInvoice = await mapInTurn(readable, (item) => hashedDetailsOf(detailHttp, connection.id, item, redact));
        return pageOf(joinNormalized(perInvoice), skip, count, list.total);
      }
      throw unknownStream('Aptic', stream);
    },
  };
}

function invoiceReader(connectionId: string): RecordReader<Invoice> {
  return {
    kind: 'invoice',
    refOf: refField('invoiceGuid'),
    read: (item, ref) => normalizeApticInvoice(connectionId, plainApticListItem(item) ?? validatePage(apticListItemSchema, item, `invoice ${ref ?? 'without invoiceGuid'}`)),
  };
}

function transactionReader(connectionId: string, item: ApticDetailsItem): RecordReader<LedgerEvent> {
  const guid = refField('transactionGuid');
  return {
    kind: 'ledger-event',
    refOf: (transaction) => {
      const ref = guid(transaction);
      return ref === null ? null : `${item.invoiceGuid}/${ref}`;
    },
    read: (transaction, ref) =>
      normalizeApticTransaction(connectionId, item, validatePage(apticTransactionSchema, transaction, `transaction ${ref ?? 'without transactionGuid'} of invoice ${item.invoiceNumber}`)),
  };
}

async function detailsOf(http: ProviderHttp, connectionId: string, item: ApticDetailsItem, redact: Redact): Promise<Normalized<SyncRecord>> {
  const base = `v1/Invoices/${encodeURIComponent(item.invoiceGuid)}`;
  const parts: Normalized<SyncRecord>[] = [];
  for (let skip = 0, pages = 1; ; pages += 1) {
    const page = await http.getJson(
      `${base}/Transactions`,
      (body) => {
        const list = validatePage(apticTransactionListSchema, body, `transactions of invoice ${item.invoiceNumber}`);
        return { list, read: normalizeEach(list.values, transactionReader(connectionId, item), redact) };
      },
      { $skip: skip, $top: apticInvoicePageSize },
    );
    parts.push(page.read);
    const next = skip + page.list.values.length;
    // Without a total, a page shorter than asked for is the last.
    const total = page.list.total ?? (page.list.values.length < apticInvoicePageSize ? next : Number.POSITIVE_INFINITY);
    const more = page.list.values.length > 0 && next < total;
    const limit = {
      most: maxTransactionPagesPerInvoice,
      of: `pages of transactions for invoice ${item.invoiceNumber}`,
      problem: { code: 'pastEventPages', most: maxTransactionPagesPerInvoice, invoice: redact(item.invoiceNumber) } as const,
    };
    checkPagesEnd('aptic', { page: skip, next: more ? next : null, done: pages, total: null, pageSize: apticInvoicePageSize, limit });
    if (!more) break;
    skip = next;
  }
  const booked = bookedBy(joinNormalized(parts).records, item.currencyCode);
  const financial = await http.getJson(`${base}/FinancialDetails`, (body) =>
    normalizeApticFinancialDetails(
      connectionId,
      item,
      validatePage(apticFinancialDetailsSchema, body, `financial details of invoice ${item.invoiceNumber}`),
      booked,
    ),
  );
  parts.push({ records: financial, quarantined: [] });
  return joinNormalized(parts);
}

/**
 * An invoice's details with the hash of its list entry on each record, so the next sync keeps
 * them while the entry is unchanged. Details with a record that could not be read carry no hash:
 * they are asked for again at every sync, as quarantined records are (see README, quarantine).
 */
async function hashedDetailsOf(http: ProviderHttp, connectionId: string, item: ApticListItem, redact: Redact): Promise<Normalized<SyncRecord>> {
  const details = await detailsOf(http, connectionId, item, redact);
  if (details.quarantined.length > 0) return details;
  const hash = apticListHash(item);
  return { ...details, records: details.records.map((record) => (record.kind === 'ledger-event' ? { ...record, listHash: hash } : record)) };
}

/** The interest and fees an invoice's transactions booked, in its currency. */
function bookedBy(transactions: readonly SyncRecord[], currency: string): BookedByTransactions {
  const events = transactions.filter((record): record is LedgerEvent => record.kind === 'ledger-event' && record.currency === currency);
  return {
    interest: events.filter((event) => event.type === 'interest').reduce((sum, event) => sum + event.amount, 0),
    fees: events.filter((event) => event.type === 'fee').map((event) => event.amount),
  };
}
