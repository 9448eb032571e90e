import type { Invoice, VatLine } from '../../../src-shared/domain/records';
import { AmountError } from '../../../src-shared/money/parse-amount';
import { mapLimited } from '../map-limited';
import { refField } from '../normalize-each';
import { InvalidPageError, toRpcError, type Redact } from '../provider-failure';
import { validatePage, type ProviderHttp } from '../provider-http';
import { iriId } from './normalize';
import { flowtlyInvoiceRowSchema, flowtlyInvoiceRowsSchema } from './schema';
import { flowtlyRowVat, vatLinesOf } from './vat-lines';

const idRef = refField('id');
/** Row requests in flight at once, across the page's invoices. */
const rowConcurrency = 5;
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

/**
 * Sets `vatLines` on each invoice of a page from its rows, before the page is returned, so the
 * invoices, their VAT and the page's cursor are committed together (a row stream of its own
 * would leave an invoice half-summed whenever its rows straddle two pages). Flowtly's rows do
 * not name their invoice; the invoice names its rows (`invoiceRows`), each read at
 * `/invoice-rows/{id}`. An invoice that lists no rows keeps `vatLines: null`: VAT unknown, as
 * its provider says nothing of it.
 *
 * A row that cannot be fetched or read fails the whole page with one clear error naming the
 * invoice and row, never an invoice stored as "VAT unknown" because a request failed: the page's
 * cursor is then not committed, so the next sync asks for the page again and a passing fault
 * heals, with every invoice's VAT as Flowtly has it. Quarantining the row instead would store
 * a wrong answer (no VAT) that only a second, separate retry could ever correct, and a VAT
 * return made meanwhile would silently miss that invoice's VAT. The price: a row Flowtly keeps
 * sending unreadable stops the invoices stream at its page, and the error says which row.
 */
export async function attachVatLines(http: ProviderHttp, items: readonly unknown[], invoices: Invoice[], redact: Redact): Promise<void> {
  const refsById = new Map<string, RowRef[] | null>();
  for (const item of items) {
    const id = idRef(item);
    if (id !== null) refsById.set(id, rowRefsOf(item));
  }
  const tasks = invoices.flatMap((invoice) => (refsById.get(invoice.providerRef) ?? []).map((ref, n) => ({ invoice, ref, n })));
  const lines = await mapLimited(tasks, rowConcurrency, async ({ invoice, ref, n }) => {
    const record = `Flowtly invoice ${invoice.number}, row ${'iri' in ref ? iriId(ref.iri) : (idRef(ref.row) ?? String(n + 1))}`;
    if ('iri' in ref) return fetchRow(http, ref.iri, invoice.currency, record);
    try {
      return readRow(ref.row, invoice.currency, record);
    } catch (error) {
      throw error instanceof InvalidPageError || error instanceof AmountError ? toRpcError('flowtly', new InvalidPageError(error.message), redact) : error;
    }
  });
  const byInvoice = new Map<Invoice, VatLine[]>();
  tasks.forEach(({ invoice }, n) => byInvoice.set(invoice, [...(byInvoice.get(invoice) ?? []), lines[n]!]));
  for (const invoice of invoices) {
    const rows = byInvoice.get(invoice);
    invoice.vatLines = rows ? vatLinesOf(rows) : null;
  }
}
