import { z } from 'zod';
import type { Invoice, VatLine } from '../../../src-shared/domain/records';
import type { DetailWork, FetchVat } from '../detail-requests';
import { listHashesByRef } from '../list-hash';
import { AmountError } from '../../../src-shared/money/parse-amount';
import { mapInTurn } from '../detail-limiter';
import { refField } from '../normalize-each';
import { InvalidPageError, toRpcError, type Redact } from '../provider-failure';
import { validatePage, type ProviderHttp } from '../provider-http';
import { iriId } from './normalize';
import { flowtlyInvoiceRowSchema, flowtlyInvoiceRowsSchema } from './schema';
import { flowtlyRowVat, vatLinesOf } from './vat-lines';

const idRef = refField('id');
/**
 * Times one row is asked for before its page fails. Each ask already has the HTTP layer's
 * retries; a static bearer token gets one more try per ask after a 401, so a provider that
 * rejects a valid token now and then (the sandbox's expireToken fault) would otherwise fail
 * a page of 150 row requests far more often than a page of invoices.
 */
const rowAttempts = 4;

/** A row as the invoice lists it: fetched by IRI, or already embedded. */
type RowRef = { iri: string } | { row: unknown };

function rowRefsOf(item: unknown): RowRef[] | null {
  const parsed = flowtlyInvoiceRowsSchema.safeParse(item);
  const rows = parsed.success ? parsed.data.invoiceRows : null;
  if (!rows || rows.length === 0) return null;
  return rows.map((row) => (typeof row === 'string' ? { iri: row } : { row }));
}

/** One row as net and VAT; a row that does not fit the schema or whose figures cannot be read throws. */
function readRow(body: unknown, currency: string, record: string): VatLine {
  return flowtlyRowVat(validatePage(flowtlyInvoiceRowSchema, body, record), currency, record);
}

/**
 * One row by its IRI, read inside the HTTP call so that a wrongly shaped or broken answer is
 * asked for again like any page, then asked again up to `rowAttempts` times.
 */
async function fetchRow(http: ProviderHttp, iri: string, currency: string, record: string): Promise<VatLine> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await http.getJson(`invoice-rows/${encodeURIComponent(iriId(iri))}`, (body) => readRow(body, currency, record));
    } catch (error) {
      if (attempt >= rowAttempts) throw error;
    }
  }
}

/** What fetching one invoice's rows needs: its number and currency (to read them) and its rows. */
export const flowtlyRowsRequestSchema = z
  .object({
    number: z.string(),
    currency: z.string(),
    rows: z.array(z.union([z.object({ iri: z.string() }).strict(), z.object({ row: z.unknown() }).strict()])).max(10_000),
  })
  .strict();
export type FlowtlyRowsRequest = z.output<typeof flowtlyRowsRequestSchema>;

/**
 * Each invoice of a page with the hash of its list entry and its rows (`invoiceRows`). Flowtly's
 * rows do not name their invoice; the invoice names its rows, each read at `/invoice-rows/{id}`
 * or embedded. Rows are read with their invoice, never as a stream of their own, which would
 * leave an invoice half-summed whenever its rows straddle two pages.
 */
export function flowtlyRowsWork(items: readonly unknown[], invoices: readonly Invoice[]): DetailWork<FlowtlyRowsRequest>[] {
  const itemsById = new Map<string, unknown>();
  for (const item of items) {
    const id = idRef(item);
    if (id !== null) itemsById.set(id, item);
  }
  const hashes = listHashesByRef(items, idRef);
  return invoices.map((invoice) => ({
    invoice,
    listHash: hashes.get(invoice.providerRef) ?? '',
    request: { number: invoice.number, currency: invoice.currency, rows: rowRefsOf(itemsById.get(invoice.providerRef)) ?? [] },
  }));
}

/**
 * Each invoice's net and VAT per rate from its rows, in order. An invoice that lists no rows has
 * `null`: VAT unknown, as its provider says nothing of it.
 *
 * A row that cannot be fetched or read fails the whole call with one clear error naming the
 * invoice and row, never an invoice stored as "VAT unknown" because a request failed: its page is
 * then not committed, so the next sync asks again and a passing fault heals, with every invoice's
 * VAT as Flowtly has it. Quarantining the row instead would store a wrong answer (no VAT) that
 * only a second, separate retry could ever correct, and a VAT return made meanwhile would
 * silently miss that invoice's VAT. The price: a row Flowtly keeps sending unreadable stops the
 * invoices stream at its page, and the error says which row.
 */
export function flowtlyRowsVat(http: ProviderHttp, redact: Redact): FetchVat<FlowtlyRowsRequest> {
  return async (requests) => {
    const tasks = requests.flatMap((request, at) => request.rows.map((ref, n) => ({ at, request, ref, n })));
    const lines = await mapInTurn(tasks, async ({ request, ref, n }) => {
      const record = `Flowtly invoice ${request.number}, row ${'iri' in ref ? iriId(ref.iri) : (idRef(ref.row) ?? String(n + 1))}`;
      if ('iri' in ref) return fetchRow(http, ref.iri, request.currency, record);
      try {
        return readRow(ref.row, request.currency, record);
      } catch (error) {
        throw error instanceof InvalidPageError || error instanceof AmountError ? toRpcError('flowtly', new InvalidPageError(error.message, error.problem), redact) : error;
      }
    });
    const byRequest: VatLine[][] = requests.map(() => []);
    tasks.forEach(({ at }, n) => byRequest[at]!.push(lines[n]!));
    return byRequest.map((rows) => (rows.length > 0 ? vatLinesOf(rows) : null));
  };
}

/** True when reading the request's rows calls Flowtly (a row by IRI); embedded rows are read at once. */
export function callsFlowtly(request: FlowtlyRowsRequest): boolean {
  return request.rows.some((ref) => 'iri' in ref);
}
