import type { Invoice } from '../../src-shared/domain/records';
import { creditedInvoiceOf, customerKeysByName } from '../../src-shared/ledger/invoice-identity';

/**
 * What the invoice list needs of a chunk's invoices, stored beside the chunk (same `seq`, same
 * transaction) so a load reads these few bytes per invoice instead of every invoice with its raw
 * provider fields. Ids and numbers are the directory row's (same positions). Strings are held
 * once per chunk (`strings`, a code is its position + 1, 0 is null) and every field is a flat
 * typed array: IndexedDB clones a typed array as one block of bytes, where an object per
 * invoice costs a clone of every field (test/bench/cache-layouts.bench.ts measured the three).
 */
export interface InvoiceColumns {
  seq: number;
  /** The encoding: a row of another one is read from its chunk instead. */
  format: typeof columnsFormat;
  strings: string[];
  /** `textFields[f]` of invoice `i` at `f * n + i`. */
  codes: Uint32Array;
  /** `amountFields[f]` of invoice `i` at `f * n + i`. */
  amounts: Float64Array;
  /**
   * Each invoice's references (OCR number, client reference…), position by position: each
   * invoice's own, so kept out of `strings`, which a load looks up once per chunk.
   */
  references: string[];
}

export const columnsFormat = 1;

/** The list's text fields of an invoice that do not change with the day (its status is read on a day at load). */
export const textFields = [
  'connectionId',
  'provider',
  'customerName',
  'customerNumber',
  'issueDate',
  'dueDate',
  'currency',
  'status',
  'financing',
  'providerFinancing',
  'credits',
  'customerKey',
] as const;
export type TextField = (typeof textFields)[number];
export const amountFields = ['total', 'paid', 'outstanding'] as const;

/** A field's position in `textFields`, for reading a column without a lookup per invoice. */
export const textField = Object.fromEntries(textFields.map((field, at) => [field, at])) as Record<TextField, number>;

/** Whether a raw field's name says it holds a reference, per name: every record of a provider has the same few. */
const referenceField = new Map<string, boolean>();

/** Raw provider fields that hold a reference a user might search by (OCR, client reference…). */
export function referenceOf(raw: Invoice['raw']): string {
  const parts: string[] = [];
  for (const key in raw) {
    const value = raw[key];
    if (typeof value !== 'string' || value === '') continue;
    let named = referenceField.get(key);
    if (named === undefined) referenceField.set(key, (named = /reference|ocr/i.test(key)));
    if (named) parts.push(value);
  }
  return parts.join(' ');
}

export const recordCustomerKey = customerKeysByName();

/** A chunk's invoices as columns (what `putInvoiceChunk` stores beside the chunk). */
export function columnsOf(seq: number, invoices: readonly Invoice[]): InvoiceColumns {
  const n = invoices.length;
  const strings: string[] = [];
  const known = new Map<string, number>();
  const codes = new Uint32Array(textFields.length * n);
  const amounts = new Float64Array(amountFields.length * n);
  // Per field the last text and its code: most fields repeat from one invoice to the next, and
  // comparing two strings is cheaper than hashing one that came from JSON.
  const lastText: (string | null)[] = textFields.map(() => null);
  const lastCode = new Uint32Array(textFields.length);
  const put = (field: number, i: number, text: string | null) => {
    if (text === null) return;
    let code = text === lastText[field] ? lastCode[field]! : known.get(text);
    if (code === undefined) known.set(text, (code = strings.push(text)));
    lastText[field] = text;
    lastCode[field] = code;
    codes[field * n + i] = code;
  };
  const f = textField;
  for (let i = 0; i < n; i++) {
    const invoice = invoices[i]!;
    put(f.connectionId, i, invoice.connectionId);
    put(f.provider, i, invoice.provider);
    put(f.customerName, i, invoice.customer.name);
    put(f.customerNumber, i, invoice.customer.number);
    put(f.issueDate, i, invoice.issueDate);
    put(f.dueDate, i, invoice.dueDate);
    put(f.currency, i, invoice.currency);
    put(f.status, i, invoice.status);
    put(f.financing, i, invoice.financing);
    put(f.providerFinancing, i, invoice.providerFinancing ?? null);
    put(f.credits, i, creditedInvoiceOf(invoice));
    put(f.customerKey, i, recordCustomerKey(invoice.customer));
    amounts[i] = invoice.total;
    amounts[n + i] = invoice.paid;
    amounts[2 * n + i] = invoice.outstanding;
  }
  return { seq, format: columnsFormat, strings, codes, amounts, references: invoices.map((invoice) => referenceOf(invoice.raw)) };
}
