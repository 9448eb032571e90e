import type { Invoice, QuarantinedRecord, VatLine } from '../../../src-shared/domain/records';
import { AmountError } from '../../../src-shared/money/parse-amount';
import { mapLimited } from '../map-limited';
import { quarantine, refField } from '../normalize-each';
import { InvalidPageError, type Redact } from '../provider-failure';
import { validatePage, type ProviderHttp } from '../provider-http';
import { iriId } from './normalize';
import { flowtlyInvoiceRowSchema, flowtlyInvoiceRowsSchema } from './schema';
import { flowtlyRowVat, vatLinesOf } from './vat-lines';

const idRef = refField('id');
/** Row requests in flight at once, across the page's invoices. */
const rowConcurrency = 5;

/** A row as the invoice lists it: fetched by IRI, or already embedded. */
type RowRef = { iri: string } | { row: unknown };

function rowRefsOf(item: unknown): RowRef[] | null {
  const parsed = flowtlyInvoiceRowsSchema.safeParse(item);
  const rows = parsed.success ? parsed.data.invoiceRows : null;
  if (!rows || rows.length === 0) return null;
  return rows.map((row) => (typeof row === 'string' ? { iri: row } : { row }));
}

/**
 * Sets `vatLines` on each invoice of a page from its rows, before the page is returned, so the
 * invoices, their VAT and the page's cursor are stored together (a row stream of its own would
 * leave an invoice half-summed whenever its rows straddle two pages). Flowtly's rows do not name
 * their invoice; the invoice names its rows (`invoiceRows`), each read at `/invoice-rows/{id}`.
 * An invoice without rows, or with a row that cannot be read, keeps `vatLines: null` (VAT
 * unknown); such a row is returned to be quarantined.
 */
/**
 * One row by its IRI. A row that cannot be fetched, even after the retries, leaves only its
 * invoice's VAT unknown: the invoice list itself came through, and failing the page for a row
 * would make a page of 100 invoices (about 250 row requests) hostage to its unluckiest request.
 * The row is quarantined with the reason and read again on the next sync (the invoices stream
 * is walked in full each time).
 */
async function fetchRow(http: ProviderHttp, iri: string): Promise<{ row: unknown } | { failed: string }> {
  try {
    return { row: await http.getJson(`invoice-rows/${encodeURIComponent(iriId(iri))}`, (body) => body) };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

export async function attachVatLines(http: ProviderHttp, items: readonly unknown[], invoices: Invoice[], redact: Redact): Promise<QuarantinedRecord[]> {
  const refsById = new Map<string, RowRef[] | null>();
  for (const item of items) {
    const id = idRef(item);
    if (id !== null) refsById.set(id, rowRefsOf(item));
  }
  const iris = [...new Set([...refsById.values()].flatMap((refs) => (refs ?? []).flatMap((ref) => ('iri' in ref ? [ref.iri] : []))))];
  const fetched = new Map(await mapLimited(iris, rowConcurrency, async (iri) => [iri, await fetchRow(http, iri)] as const));

  const quarantined: QuarantinedRecord[] = [];
  for (const invoice of invoices) {
    invoice.vatLines = null;
    const refs = refsById.get(invoice.providerRef);
    if (!refs) continue;
    const rows: VatLine[] = [];
    for (const [n, ref] of refs.entries()) {
      const got = 'iri' in ref ? fetched.get(ref.iri) : { row: ref.row };
      const item = got && 'row' in got ? got.row : { '@id': 'iri' in ref ? ref.iri : null };
      const rowRef = 'iri' in ref ? iriId(ref.iri) : (idRef(item) ?? String(n + 1));
      const record = `Flowtly invoice ${invoice.number}, row ${rowRef}`;
      try {
        if (got && 'failed' in got) throw new InvalidPageError(`${record}: could not be fetched: ${got.failed}`);
        rows.push(flowtlyRowVat(validatePage(flowtlyInvoiceRowSchema, item, record), invoice.currency, record));
      } catch (error) {
        if (!(error instanceof InvalidPageError || error instanceof AmountError)) throw error;
        quarantined.push(quarantine('invoice', `${invoice.providerRef}/row-${rowRef}`, item, `${error.message} (the invoice is kept, its VAT unknown)`, redact));
        rows.length = 0;
        break;
      }
    }
    if (rows.length > 0) invoice.vatLines = vatLinesOf(rows);
  }
  return quarantined;
}
