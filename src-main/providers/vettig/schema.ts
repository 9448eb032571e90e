import { z } from 'zod';

/** An amount as Vettig sends it: a JSON number (`19.5`), tolerated as a decimal string. */
const amount = z.union([z.number(), z.string()]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const base = { id: z.string().min(1), date: day };

/** One event of GET /v2/factoring/events/{organisationNumber} (the v2 types). */
export const vettigEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('InvoiceFactoring'), invoiceNumber: z.string(), amount }),
  z.object({
    ...base,
    type: z.literal('Charge'),
    description: z.string().nullish(),
    invoiceNumber: z.string().nullish(),
    amount,
    amountExclVat: amount.nullish(),
    vat: amount.nullish(),
  }),
  z.object({ ...base, type: z.literal('ClientPayout'), invoiceNumber: z.string().nullish(), amount }),
  z.object({ ...base, type: z.literal('InvoiceRecourse'), invoiceNumber: z.string(), amount }),
  z.object({ ...base, type: z.literal('InvoiceRecoursePayment'), invoiceNumber: z.string(), amount }),
]);
export type VettigEvent = z.output<typeof vettigEventSchema>;

/** The events endpoint answers a bare JSON array, with no paging. */
export const vettigEventsSchema = z.array(vettigEventSchema);
