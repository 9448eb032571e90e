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
  'reference',
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

/** The list's text fields of one invoice, in `textFields` order. */
function textsOf(invoice: Invoice): (string | null)[] {
  return [
    invoice.connectionId,
    invoice.provider,
    invoice.customer.name,
    invoice.customer.number,
    invoice.issueDate,
    invoice.dueDate,
    invoice.currency,
    invoice.status,
    invoice.financing,
    invoice.providerFinancing ?? null,
    creditedInvoiceOf(invoice),
    referenceOf(invoice.raw),
    recordCustomerKey(invoice.customer),
  ];
}

/** A chunk's invoices as columns (what `putInvoiceChunk` stores beside the chunk). */
export function columnsOf(seq: number, invoices: readonly Invoice[]): InvoiceColumns {
  const n = invoices.length;
  const strings: string[] = [];
  const known = new Map<string, number>();
  const codes = new Uint32Array(textFields.length * n);
  const amounts = new Float64Array(amountFields.length * n);
  invoices.forEach((invoice, i) => {
    textsOf(invoice).forEach((text, f) => {
      if (text === null) return;
      let code = known.get(text);
      if (code === undefined) known.set(text, (code = strings.push(text)));
      codes[f * n + i] = code;
    });
    amounts[i] = invoice.total;
    amounts[n + i] = invoice.paid;
    amounts[2 * n + i] = invoice.outstanding;
  });
  return { seq, format: columnsFormat, strings, codes, amounts };
}
