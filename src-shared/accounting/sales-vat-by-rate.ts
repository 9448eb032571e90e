import type { Invoice, VatLine } from '../domain/records';
import { addMinor } from '../money/exact-sum';
import { creditedInvoiceOf, ledgerKey } from '../ledger/invoice-identity';
import { invoiceRank } from '../ledger/ledger-source';

/** What the statement needs of an invoice record. */
export type SalesInvoice = Pick<Invoice, 'id' | 'connectionId' | 'provider' | 'raw' | 'number' | 'currency' | 'issueDate' | 'status' | 'total' | 'financing' | 'vatLines' | 'vatPending'>;

/** Sales at one rate in one currency; `rate` null = invoices whose VAT is unknown (only their gross). */
export interface SalesVatRow {
  currency: string;
  rate: number | null;
  net: number | null;
  vat: number | null;
  gross: number;
  /** Invoices with sales at this rate (an invoice with two rates is in two rows). */
  invoices: number;
}

/** One real invoice as the statement counts it, signed: a credit note's lines are negative. */
export interface SalesVatInvoice {
  key: string;
  number: string;
  currency: string;
  /** The record whose lines (or total) count. */
  recordId: string;
  credit: boolean;
  /** Signed; null when no record of the invoice knows its VAT. */
  lines: VatLine[] | null;
  /** Set when `lines` is null because a record's VAT is not fetched yet (`Invoice.vatPending`). */
  vatPending?: true;
  /** Signed gross as the counted record states it. */
  total: number;
}

export interface SalesVatByRate {
  rows: SalesVatRow[];
  invoices: SalesVatInvoice[];
}

const gross = (lines: readonly VatLine[]) => lines.reduce((sum, line) => addMinor(sum, line.net + line.vat), 0);

/**
 * Sales and VAT by rate of the invoices issued in a period (drafts left out). Each real invoice
 * counts once, however many connections hold it: its records are grouped by `ledgerKey`, as the
 * ledger join groups them, and the lines come from the best-ranked record (`invoiceRank`) that
 * has them. A credit note (a record that credits another, or a negative total) counts negative,
 * in the period it was issued, whatever sign its provider gives its rows. The join itself is not
 * used because it folds a credit note into the invoice it credits, and VAT is reported when the
 * credit note is issued.
 */
export function salesVatByRate(records: readonly SalesInvoice[], period: { from: string; to: string }): SalesVatByRate {
  const groups = new Map<string, SalesInvoice[]>();
  for (const record of records) {
    if (record.status === 'draft' || record.issueDate === null || record.issueDate < period.from || record.issueDate > period.to) continue;
    const key = ledgerKey(record.number, record.currency);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const invoices: SalesVatInvoice[] = [];
  for (const [key, group] of groups) {
    group.sort((a, b) => invoiceRank(a) - invoiceRank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const best = group[0]!;
    const counted = group.find((record) => record.vatLines) ?? best;
    const credit = group.some((record) => creditedInvoiceOf(record) !== null) || counted.total < 0;
    const sign = (minor: number) => (credit ? -Math.abs(minor) : minor);
    const stated = counted.vatLines ?? null;
    // Oriented so that a credit note's gross is negative; an invoice's lines stay as the provider gives them.
    const flip = credit && stated !== null && gross(stated) > 0 ? -1 : 1;
    invoices.push({
      key,
      number: counted.number,
      currency: counted.currency,
      recordId: counted.id,
      credit,
      lines: stated && stated.map((line) => ({ rate: line.rate, net: flip * line.net, vat: flip * line.vat })),
      ...(stated === null && group.some((record) => record.vatPending !== undefined) ? { vatPending: true as const } : {}),
      total: sign(counted.total),
    });
  }
  invoices.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const rows = new Map<string, SalesVatRow>();
  const add = (currency: string, rate: number | null, net: number | null, vat: number | null, amount: number) => {
    const id = `${currency} ${rate ?? ''}`;
    const row = rows.get(id) ?? { currency, rate, net: rate === null ? null : 0, vat: rate === null ? null : 0, gross: 0, invoices: 0 };
    if (row.net !== null && net !== null) row.net = addMinor(row.net, net);
    if (row.vat !== null && vat !== null) row.vat = addMinor(row.vat, vat);
    row.gross = addMinor(row.gross, amount);
    row.invoices += 1;
    rows.set(id, row);
  };
  for (const invoice of invoices) {
    if (invoice.lines === null) add(invoice.currency, null, null, null, invoice.total);
    else for (const line of invoice.lines) add(invoice.currency, line.rate, line.net, line.vat, line.net + line.vat);
  }
  const order = (row: SalesVatRow) => row.rate ?? Number.MAX_SAFE_INTEGER;
  return { rows: [...rows.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : order(a) - order(b))), invoices };
}

/** The invoices whose lines do not add up to the total their record states (the statement lists them). */
export function linesDisagreeing(result: SalesVatByRate): SalesVatInvoice[] {
  return result.invoices.filter((invoice) => invoice.lines !== null && gross(invoice.lines) !== invoice.total);
}
