import { z } from 'zod';

/** An amount as Vettig sends it: a JSON number (`19.5`), tolerated as a decimal string. */
const amount = z.union([z.number(), z.string()]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** The v2 event types Reskontra knows; any other type is read as `unknown`, keeping Vettig's word. */
export const vettigEventTypes = ['InvoiceFactoring', 'Charge', 'ClientPayout', 'InvoiceRecourse', 'InvoiceRecoursePayment'] as const;

/**
 * One event of GET /v2/factoring/events/{organisationNumber}. Read liberally: only what a
 * ledger event cannot do without (id, date, amount) is required; `invoiceNumber` (absent on
 * ClientPayout), the Charge fields and the type may be null or missing; extra fields are ignored.
 */
export const vettigEventSchema = z.looseObject({
  id: z.string().min(1),
  type: z.string().nullish(),
  date: day,
  invoiceNumber: z.string().nullish(),
  amount,
  description: z.string().nullish(),
  amountExclVat: amount.nullish(),
  vat: amount.nullish(),
});
export type VettigEvent = z.output<typeof vettigEventSchema>;

/** The events endpoint answers a bare JSON array, with no paging; its items are read one by one. */
export const vettigEventsSchema = z.array(z.unknown());
