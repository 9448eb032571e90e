import { z } from 'zod';
import type { Invoice, SyncRecord } from '../../../src-shared/domain/records';
import type { KnownPage, SyncPage } from '../../../src-shared/rpc/sync-methods';
import { pageHash } from '../../sync/page-hash';
import { resolveDetails, type FetchVat } from '../detail-requests';
import { mapLimited } from '../map-limited';
import { joinNormalized, normalizeEach, type Normalized, type RecordReader } from '../normalize-each';
import { parseJson, validatePage, type ProviderHttp } from '../provider-http';
import type { Redact } from '../secret-redaction';
import { checkPagesEnd, decodeCursor, encodeCursor } from '../sync-cursor';
import { apticInvoiceListSchema } from './schema';
import { apticListHashes, apticVatWork, type ApticVatRequest } from './vat-lines';

/** Aptic caps `$top` at 100. */
export const apticInvoicePageSize = 100;
/** Provider pages of invoices gathered into one sync page, and how many are asked for at once. */
export const apticInvoicePagesPerCall = 10;
/** Provider pages of the invoice list asked for at once: the rest of a sync page's after its first. */
export const apticListConcurrency = apticInvoicePagesPerCall - 1;

/**
 * How this release reads a page of Aptic's invoice list, in its hash (`pageHash`): raise it with
 * any change to what the same bytes commit (normalize.ts, schema.ts, vat-lines.ts, the paging
 * here), so every page cached by an older release is read again.
 */
const apticInvoicePagesFormat = 1;

export const apticSkipCursor = z.object({ skip: z.number().int().nonnegative() }).strict();

type InvoiceList = z.output<typeof apticInvoiceListSchema>;
/** One provider page as fetched: its envelope and text, and its invoices read. */
interface ReadList {
  list: InvoiceList;
  text: string;
  read: Normalized<Invoice>;
  hashes: Map<string, string>;
}

/**
 * One sync page of Aptic's invoice list from `skip`: up to ten provider pages, the first saying
 * how many there are, the rest asked for at once (`$skip` addresses each), so the renderer writes
 * ~1,000 records per transaction and no request goes past the end. Each invoice's VAT comes with
 * it, or is left for `details` when the caller defers it.
 *
 * Every page carries the hash of its bodies (`pageHash`). Given the page the last walk committed
 * at `skip` (`known`), its bodies are fetched as text, only the first one parsed (it says how many
 * follow), and when their hash is still the known one the page comes back `unchanged`: nothing
 * validated, normalised or sent, the walk going on at the known next cursor.
 */
export function apticInvoiceListPages(http: ProviderHttp, invoiceReader: RecordReader<Invoice>, vat: FetchVat<ApticVatRequest>, redact: Redact) {
  const format = (deferDetails: boolean) => `aptic/invoices/${apticInvoicePagesFormat}/${deferDetails ? 'deferred' : 'with-vat'}`;
  const listed = <T>(skip: number, read: (body: unknown, text: string) => T) =>
    http.getJson('v1/Invoices', (body, _headers, text) => read(body, text), { $skip: skip, $top: apticInvoicePageSize });
  const envelope = (skip: number, body: unknown) => validatePage(apticInvoiceListSchema, body, `invoices from ${skip}`);
  const readList = (list: InvoiceList, text: string): ReadList => ({ list, text, read: normalizeEach(list.value, invoiceReader, redact), hashes: apticListHashes(list.value, text) });
  /** A provider page fetched, validated and read; its failures retried as any fetch's. */
  const fetchRead = (skip: number) => listed(skip, (body, text) => readList(envelope(skip, body), text));
  /** The provider pages after the first, by their `$skip`. */
  const skipsAfter = (skip: number, { total, value }: InvoiceList) => {
    const more = value.length < apticInvoicePageSize ? 0 : Math.min(apticInvoicePagesPerCall - 1, Math.ceil(Math.max(0, total - skip - value.length) / apticInvoicePageSize));
    return Array.from({ length: more }, (_, i) => skip + (i + 1) * apticInvoicePageSize);
  };

  const pageOfLists = async (skip: number, deferDetails: boolean, pages: readonly ReadList[]): Promise<SyncPage> => {
    const work = apticVatWork(
      pages.flatMap((page) => page.read.records),
      new Map(pages.flatMap((page) => [...page.hashes])),
      pages.flatMap((page) => page.list.value),
    );
    const pendingDetails = await resolveDetails(work, vat, deferDetails);
    const count = pages.reduce((sum, page) => sum + pagedOver(page.list.value, apticInvoicePageSize), 0);
    const read = pageOf(joinNormalized<SyncRecord>(pages.map((page) => page.read)), skip, count, pages[0]!.list.total);
    const hashed = { ...read, pageHash: pageHash(format(deferDetails), pages.map((page) => page.text)) };
    return pendingDetails ? { ...hashed, pendingDetails } : hashed;
  };

  /** The page, read in full: each provider page validated and read as it arrives. */
  const readPage = async (skip: number, deferDetails: boolean): Promise<SyncPage> => {
    const first = await fetchRead(skip);
    const rest = await mapLimited(skipsAfter(skip, first.list), apticListConcurrency, fetchRead);
    return pageOfLists(skip, deferDetails, [first, ...rest]);
  };

  /**
   * The page when `known` may still be it, its bodies hashed before any is read. Its provider
   * pages are where `known`'s cursors say (a page's pages are full but its last), so all are asked
   * for at once, no body waiting for the first; the last page (no next cursor) waits for its first
   * body to say how many follow. Only the first is parsed: the pages it says follow must be the
   * ones fetched, as when the hash was made.
   */
  const pageIfUnchanged = async (skip: number, deferDetails: boolean, known: KnownPage, next: number | null): Promise<SyncPage> => {
    const fetchText = (at: number) => http.getText('v1/Invoices', (text) => text, { $skip: at, $top: apticInvoicePageSize });
    let first: InvoiceList;
    let skips: number[];
    let texts: string[];
    if (next === null) {
      const head = await listed(skip, (body, text) => ({ list: envelope(skip, body), text }));
      first = head.list;
      skips = [skip, ...skipsAfter(skip, first)];
      texts = [head.text, ...(await mapLimited(skips.slice(1), apticListConcurrency, fetchText))];
    } else {
      skips = Array.from({ length: Math.min(apticInvoicePagesPerCall, Math.ceil((next - skip) / apticInvoicePageSize)) }, (_, i) => skip + i * apticInvoicePageSize);
      texts = await mapLimited(skips, apticInvoicePagesPerCall, fetchText);
      try {
        first = envelope(skip, parseJson(texts[0]!));
      } catch {
        return readPage(skip, deferDetails);
      }
    }
    const implied = [skip, ...skipsAfter(skip, first)];
    const fetched = implied.length === skips.length && implied.every((at, n) => at === skips[n]);
    const hash = pageHash(format(deferDetails), texts);
    if (fetched && hash === known.pageHash) {
      return { records: [], quarantined: [], nextCursor: known.nextCursor, progress: { done: next ?? first.total, total: first.total }, pageHash: hash, unchanged: true };
    }
    // Changed: read the bodies already here; one that does not read, or was not fetched, is fetched (again), as any.
    const textAt = new Map(skips.map((at, n) => [at, texts[n]!]));
    const rest = await Promise.all(
      implied.slice(1).map((at) => {
        const text = textAt.get(at);
        try {
          if (text !== undefined) return readList(envelope(at, parseJson(text)), text);
        } catch {
          // fetched again below
        }
        return fetchRead(at);
      }),
    );
    return pageOfLists(skip, deferDetails, [readList(first, texts[0]!), ...rest]);
  };

  return (skip: number, deferDetails: boolean, known: KnownPage | undefined): Promise<SyncPage> => {
    // A known next cursor that does not move forward is no page this client made: read in full.
    const next = known?.nextCursor === null ? null : known ? decodeCursor(known.nextCursor, apticSkipCursor, 'invoices').skip : undefined;
    return known && (next === null || next! > skip) ? pageIfUnchanged(skip, deferDetails, known, next!) : readPage(skip, deferDetails);
  };
}

/** The known page at `skip` (a null cursor is the start), if the renderer named one. */
export function knownAt(known: readonly KnownPage[] | undefined, skip: number): KnownPage | undefined {
  return known?.find((page) => (page.cursor === null ? 0 : decodeCursor(page.cursor, apticSkipCursor, 'invoices').skip) === skip);
}

/**
 * The pages to fetch ahead once a page answered with `next` (a `$skip`, null at the end): the next
 * one, and after it, while the renderer named the page before as one the last walk committed
 * (`known`), the page at that one's next cursor, so an unchanged walk is fetched as many pages
 * ahead as the renderer hands main (`maxKnownPagesPerCall`).
 */
export function pagesAhead(known: readonly KnownPage[] | undefined, next: number | null): Array<{ skip: number; known: KnownPage | undefined }> {
  const ahead: Array<{ skip: number; known: KnownPage | undefined }> = [];
  for (let at = next; at !== null && ahead.length < Math.max(1, (known?.length ?? 0) - 1); ) {
    const knownThere = knownAt(known, at);
    ahead.push({ skip: at, known: knownThere });
    const after = knownThere?.nextCursor ? decodeCursor(knownThere.nextCursor, apticSkipCursor, 'invoices').skip : null;
    at = after !== null && after > at ? after : null;
  }
  return ahead;
}

/**
 * How far a page moves `$skip`: what it holds, but never more than was asked for. A page carrying
 * more than `$top` (repeating earlier items, say) would otherwise move past invoices never read;
 * read this way, the worst case is reading some twice, which the cache keeps once.
 */
export function pagedOver(items: readonly unknown[], top: number): number {
  return Math.min(items.length, top);
}

export function pageOf<R>(read: Normalized<R>, skip: number, count: number, total: number): Normalized<R> & Pick<SyncPage, 'nextCursor' | 'progress'> {
  const done = skip + count;
  const more = count > 0 && done < total;
  checkPagesEnd('aptic', { page: skip, next: more ? done : null, done, total, pageSize: apticInvoicePageSize });
  return { ...read, nextCursor: more ? encodeCursor({ skip: done }) : null, progress: { done: more ? done : Math.max(done, total), total } };
}
