import { z } from 'zod';

const decimal = z.union([z.string(), z.number()]);
const iri = z.string().regex(/^\/[A-Za-z0-9_-]+\/[^/?#]+$/, 'expected an IRI such as /invoices/12');

/**
 * Invoice as API Platform serialises it (string decimals); fields beyond these stay in raw.
 * Read liberally: everything but the id, the gross amount and the currency may be null or
 * missing; an unknown `status` or `type` is kept in raw (the status then follows the amounts).
 */
export const flowtlyInvoiceSchema = z.looseObject({
  id: z.number().int(),
  name: z.string().nullish(),
  type: z.string().nullish(),
  status: z.string().nullish(),
  client: z.string().nullish(),
  clientName: z.string().nullish(),
  amountNet: decimal.nullish(),
  amount: decimal,
  amountPaid: decimal.nullish(),
  currency: z.string().min(1),
  issueDate: z.string().nullish(),
  saleDate: z.string().nullish(),
  dueDate: z.string().nullish(),
});
export type FlowtlyInvoice = z.output<typeof flowtlyInvoiceSchema>;

/** What a transaction needs of its invoice: the number and currency. */
export const flowtlyInvoiceFactsSchema = z.looseObject({ id: z.number().int(), name: z.string().nullish(), currency: z.string().min(1) });

export const flowtlyTransactionSchema = z.looseObject({
  id: z.number().int(),
  invoice: iri,
  transaction: z.string().nullish(),
  amount: decimal.nullable(),
  date: z.string().min(1),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type FlowtlyTransaction = z.output<typeof flowtlyTransactionSchema>;

/**
 * A collection page (the envelope; its members are read one by one): JSON-LD (`hydra:member`, `hydra:totalItems`, `hydra:view.hydra:next`,
 * or the same without the `hydra:` prefix) or a plain JSON array.
 */
export function flowtlyCollectionSchema<T extends z.ZodType>(item: T) {
  const view = z.looseObject({ 'hydra:next': z.string().nullish(), next: z.string().nullish() }).nullish();
  return z.union([
    z.array(item).transform((members) => ({ members, total: null as number | null, next: null as string | null, plain: true })),
    z
      .looseObject({
        'hydra:member': z.array(item).optional(),
        member: z.array(item).optional(),
        'hydra:totalItems': z.number().int().nonnegative().optional(),
        totalItems: z.number().int().nonnegative().optional(),
        'hydra:view': view,
        view,
      })
      .refine((page) => page['hydra:member'] !== undefined || page.member !== undefined, {
        message: 'expected hydra:member',
        path: ['hydra:member'],
      })
      .transform((page) => {
        const pageView = page['hydra:view'] ?? page.view;
        return {
          members: page['hydra:member'] ?? page.member ?? [],
          total: page['hydra:totalItems'] ?? page.totalItems ?? null,
          next: pageView?.['hydra:next'] ?? pageView?.next ?? null,
          plain: false,
        };
      }),
  ]);
}

/**
 * An invoice row (Factuurregel). `netPrice`, `netDiscountAmount` and `vatRate` are documented
 * as string decimals; numbers are read too. The documented row has no `invoice` field: rows are
 * found through their invoice's `invoiceRows`.
 */
export const flowtlyInvoiceRowSchema = z.looseObject({
  id: z.number().int().nullish(),
  quantity: z.union([z.number(), z.string()]),
  vatRate: decimal,
  netPrice: decimal,
  netDiscountAmount: decimal.nullish(),
  productName: z.string().nullish(),
  project: z.string().nullish(),
});
export type FlowtlyInvoiceRow = z.output<typeof flowtlyInvoiceRowSchema>;

/** An invoice's rows as API Platform serialises a to-many relation: IRIs (`/invoice-rows/7`) or embedded rows. */
export const flowtlyInvoiceRowsSchema = z.looseObject({ invoiceRows: z.array(z.unknown()).nullish() });
