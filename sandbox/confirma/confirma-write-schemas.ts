/**
 * Confirma write bodies. Its validation rules are published (ISO 4217 currency, ISO 3166-1
 * alpha-2 country, ISO 639-1 language among FI SV NO DK EN, YYYY-MM-DD dates, two-decimal
 * amounts); the SalesInvoiceRequest's full tree is not, so the sandbox checks the parts it names.
 */
import { z } from 'zod';
import { amountNumber, currencyCode, isoDate } from '../http/zod-fields';

const country = z.string().regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code like FI' });
const language = z.enum(['FI', 'SV', 'NO', 'DK', 'EN']);

export const createInvoiceBody = z.object({
  processing: z.record(z.string(), z.unknown()).nullish(),
  distribution: z.record(z.string(), z.unknown()).nullish(),
  invoice: z.object({
    header: z
      .object({
        number: z.string().min(1),
        type: z.string().min(1),
        date: isoDate,
        dueDate: isoDate,
        currencyCode,
        languageCode: language.nullish(),
      })
      .refine((header) => header.dueDate >= header.date, { message: 'dueDate must not be before date', path: ['dueDate'] }),
    parties: z
      .object({
        buyer: z.object({ name: z.string().min(1), countryCode: country.nullish() }).nullish(),
      })
      .nullish(),
    amounts: z
      .object({
        totalAmount: amountNumber,
        vatAmount: amountNumber.nullish(),
      })
      .nullish(),
  }),
});

export const invoiceActionBody = z.object({
  actions: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z_]+$/, { message: 'must be an action code like COMMENT' }),
        comment: z.string().nullish(),
        data: z
          .object({ invoiceNumber: z.string().nullish(), caseId: z.union([z.number().int(), z.string().regex(/^\d+$/)]).nullish() })
          .refine((data) => data.invoiceNumber || data.caseId, { message: 'needs invoiceNumber or caseId' }),
      }),
    )
    .min(1),
});
