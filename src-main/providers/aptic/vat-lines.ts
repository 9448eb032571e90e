import { z } from 'zod';
import type { Invoice, VatLine } from '../../../src-shared/domain/records';
import type { DetailWork, FetchVat } from '../detail-requests';
import { listHash, listHashesByRef } from '../list-hash';
import { refField } from '../normalize-each';
import { AmountError, parseFixedPoint, parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { vatLinesOf } from '../flowtly/vat-lines';
import { mapInTurn } from '../detail-limiter';
import { InvalidPageError } from '../provider-failure';
import type { ProviderHttp } from '../provider-http';
import { apticDebtSchema, apticInvoiceDetailSchema, type ApticDebt, type ApticDetailsItem } from './schema';

/** A VAT percentage read to two decimals (25.5 % = 2550 basis points), as Flowtly's. */
const rateDecimals = 2;

/**
 * One debt as net and VAT in minor units, exactly as Aptic states them: net is `amount` (or
 * `totalAmount` less `vatAmount`), VAT is `vatAmount` (or `totalAmount` less `amount`). Nothing is
 * computed from the rate, so nothing is rounded. Null when the rate, the net or the VAT cannot be read.
 */
function debtVat(debt: ApticDebt, currency: string, record: string): VatLine | null {
  const minor = (value: unknown, field: string) => (value === null || value === undefined ? null : parseMinorUnits(value, currency, { record, field }));
  if (debt.vatPercentage === null || debt.vatPercentage === undefined) return null;
  const rate = parseFixedPoint(debt.vatPercentage, rateDecimals, { record, field: 'vatPercentage' }, 'a VAT rate');
  const stated = { net: minor(debt.amount, 'amount'), vat: minor(debt.vatAmount, 'vatAmount'), total: minor(debt.totalAmount, 'totalAmount') };
  const net = stated.net ?? (stated.total !== null && stated.vat !== null ? stated.total - stated.vat : null);
  const vat = stated.vat ?? (stated.total !== null && stated.net !== null ? stated.total - stated.net : null);
  return net === null || vat === null ? null : { rate, net, vat };
}

/**
 * An Aptic invoice's net and VAT per rate, from the `debts` of its detail (GET /v1/Invoices/{guid}).
 * Null (VAT unknown, never guessed) when the detail lists no debts, or any debt lacks a readable
 * rate, net or VAT: a part of an invoice's VAT is not its VAT.
 */
export function apticVatLines(detail: unknown, currency: string, record: string): VatLine[] | null {
  const parsed = apticInvoiceDetailSchema.safeParse(detail);
  const debts = parsed.success ? (parsed.data.debts ?? []) : [];
  if (debts.length === 0) return null;
  const lines: VatLine[] = [];
  for (const [n, item] of debts.entries()) {
    const debt = apticDebtSchema.safeParse(item);
    if (!debt.success) return null;
    try {
      const line = debtVat(debt.data, currency, `${record}, debt ${n + 1}`);
      if (!line) return null;
      lines.push(line);
    } catch (error) {
      if (error instanceof AmountError) return null;
      throw error;
    }
  }
  return vatLinesOf(lines);
}

/**
 * What fetching one invoice's details needs, one request for both of its streams' detail calls:
 * its guid, and its number and currency to read the debts (its VAT, stream `invoices`); the
 * invoice-details stream's transactions and financial details read its date (a creditor fee's
 * fallback) and financing state too.
 */
export const apticVatRequestSchema = z
  .object({ guid: z.string().min(1), number: z.string(), currency: z.string(), invoiceDate: z.string().nullish(), financeStatus: z.number().int().nullish(), purchased: z.boolean().nullish() })
  .strict();
export type ApticVatRequest = z.output<typeof apticVatRequestSchema>;

/** The list entry's part the invoice-details stream's calls read, from a request. */
export function apticDetailsItem({ guid, number, currency, invoiceDate, financeStatus, purchased }: ApticVatRequest): ApticDetailsItem {
  return { invoiceGuid: guid, invoiceNumber: number, currencyCode: currency, invoiceDate, financeStatus, purchased };
}

/**
 * An invoice's request, from its record and its raw list entry (`item`): the entry's date and
 * financing state are added only where they read (absent fields stay out: requests stay short).
 * Assigned field by field: conditional spreads cost ~1 µs an invoice, a fifth of a second of
 * main's CPU per 100,000-invoice sync, measured in its profile.
 */
export function apticDetailRequest(invoice: Pick<Invoice, 'providerRef' | 'number' | 'currency'>, item: unknown): ApticVatRequest {
  const request: ApticVatRequest = { guid: invoice.providerRef, number: invoice.number, currency: invoice.currency };
  if (item === null || typeof item !== 'object') return request;
  const { invoiceDate, financeStatus, purchased } = item as Record<string, unknown>;
  if (typeof invoiceDate === 'string') request.invoiceDate = invoiceDate;
  if (typeof financeStatus === 'number' && Number.isInteger(financeStatus)) request.financeStatus = financeStatus;
  if (typeof purchased === 'boolean') request.purchased = purchased;
  return request;
}

/**
 * `daysDue` is today less the due date: it moves every day while the invoice stays the same, and
 * the due date itself is hashed (see providers/README.md, Aptic: what a changed list entry is).
 */
export const apticVolatileListFields = ['daysDue'];

/** The hash of one raw list entry, as its invoice's records carry it. */
export function apticListHash(item: unknown): string {
  return listHash(item, apticVolatileListFields);
}

/** The hash of each raw list entry of a page (`items`, read from the page's `text`) by `invoiceGuid`. */
export function apticListHashes(items: readonly unknown[], text: string): Map<string, string> {
  return listHashesByRef(items, refField('invoiceGuid'), apticVolatileListFields, { text, listKey: 'value' });
}

/**
 * Each invoice of a page with the hash of its raw list entry (`hashes`, by `invoiceGuid`), and its
 * request with the financing state of its raw entry (`items`, the page's list) when given.
 */
export function apticVatWork(invoices: readonly Invoice[], hashes: ReadonlyMap<string, string>, items: readonly unknown[] = []): DetailWork<ApticVatRequest>[] {
  const guidOf = refField('invoiceGuid');
  const facts = new Map(items.map((item) => [guidOf(item), item] as const));
  return invoices.map((invoice) => ({
    invoice,
    listHash: hashes.get(invoice.providerRef) ?? '',
    request: apticDetailRequest(invoice, facts.get(invoice.providerRef)),
  }));
}

/**
 * Each invoice's `vatLines` from its detail's debts (GET /v1/Invoices/{guid}), in order, so an
 * invoice and its VAT are stored together (as Flowtly's rows are). A detail that cannot be
 * fetched fails the call, and so its page, so the next sync asks again; one that says nothing
 * readable of VAT gives `null`.
 */
export function apticVat(http: ProviderHttp): FetchVat<ApticVatRequest> {
  return (requests) =>
    mapInTurn(requests, ({ guid, number, currency }) =>
      http.getJson(`v1/Invoices/${encodeURIComponent(guid)}`, (body) => apticVatLines(detailOf(body, number), currency, `Aptic invoice ${number}`)),
    );
}

/**
 * The body, when it is this invoice's detail: an object naming the invoice (`invoiceNumber`) or
 * listing its `debts`. Anything else throws, so the HTTP layer asks again and, failing that, the
 * page fails: read as "no debts" it would store VAT unknown, and the unchanged list entry would
 * keep any later sync from asking again.
 */
function detailOf(body: unknown, number: string): unknown {
  const detail = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  const named = typeof detail?.invoiceNumber === 'string' ? detail.invoiceNumber : null;
  if (!detail || (named === null && !('debts' in detail))) throw new InvalidPageError(`the answer for Aptic invoice ${number} is not an invoice detail: it has neither invoiceNumber nor debts`, { code: 'notDetail', invoice: number });
  if (named !== null && named !== number) throw new InvalidPageError(`the answer for Aptic invoice ${number} is the detail of invoice ${named}`, { code: 'otherDetail', invoice: number, other: named });
  return detail;
}
