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

  /** The page when `known` may still be it: the bodies hashed before any is read. */
  const pageIfUnchanged = async (skip: number, deferDetails: boolean, known: KnownPage, next: number | null): Promise<SyncPage> => {
    const first = await listed(skip, (body, text) => ({ list: envelope(skip, body), text }));
    const skips = skipsAfter(skip, first.list);
    const texts = await mapLimited(skips, apticListConcurrency, (at) => http.getText('v1/Invoices', (text) => text, { $skip: at, $top: apticInvoicePageSize }));
    const hash = pageHash(format(deferDetails), [first.text, ...texts]);
    if (hash === known.pageHash) {
      const { total } = first.list;
      return { records: [], quarantined: [], nextCursor: known.nextCursor, progress: { done: next ?? total, total }, pageHash: hash, unchanged: true };
    }
    // Changed: read the bodies already here; one that does not read is fetched again, as any.
    const rest = await Promise.all(
      skips.map((at, n) => {
        try {
          return readList(envelope(at, parseJson(texts[n]!)), texts[n]!);
        } catch {
          return fetchRead(at);
        }
      }),
    );
    return pageOfLists(skip, deferDetails, [readList(first.list, first.text), ...rest]);
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
