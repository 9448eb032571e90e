/**
 * Flowtly write bodies, from the published schema fields (required ones marked * there).
 * PATCH is JSON Merge Patch; the sandbox accepts only fields it can apply and rejects others,
 * so a typo in a field name fails loudly instead of being ignored.
 */
import { z } from 'zod';
import { amountNumber, amountString, currencyCode, isoDate, isoDateTime } from '../http/zod-fields';

const iri = (collection: string) => z.string().regex(new RegExp(`^/${collection}/\\d+$`), { message: `must be an IRI like /${collection}/1` });
const vatRate = z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, { message: 'must be a percentage string like "21" or "25.5"' });

export const invoiceRowInput = z.object({
  productName: z.string().min(1),
  quantity: z.number().positive(),
  unit: z.string().nullish(),
  vatRate,
  netPrice: amountString,
  netDiscountAmount: amountString.nullish(),
  classificationNumber: z.string().nullish(),
});

export const createInvoiceBody = z
  .object({
    client: iri('clients'),
    /** Added by the sandbox: the client's display name (Flowtly would look up the IRI). */
    clientName: z.string().min(1).nullish(),
    currency: currencyCode,
    issueDate: isoDate,
    saleDate: isoDate.nullish(),
    dueDate: isoDate,
    tinType: z.string().nullish(),
    tinCountry: z.string().length(2).nullish(),
    tin: z.string().nullish(),
    bankAccount: iri('bank-accounts').nullish(),
    invoiceRows: z.array(invoiceRowInput).min(1),
  })
  .refine((body) => body.dueDate >= body.issueDate, { message: 'dueDate must not be before issueDate', path: ['dueDate'] });

export const patchInvoiceBody = z.strictObject({
  client: iri('clients').optional(),
  clientName: z.string().min(1).optional(),
  issueDate: isoDate.optional(),
  saleDate: isoDate.optional(),
  dueDate: isoDate.optional(),
  tinType: z.string().optional(),
  tinCountry: z.string().length(2).optional(),
  tin: z.string().optional(),
  bankAccount: iri('bank-accounts').optional(),
});

export const sendInvoiceBody = z.object({ email: z.email().nullish() }).nullish();

export const createTransactionBody = z.object({
  invoice: iri('invoices'),
  transaction: z.string().nullish(),
  amount: amountNumber.refine((value) => value > 0, { message: 'must be more than 0' }),
  date: isoDateTime,
});
