import { z } from 'zod';

const amount = z.union([z.number(), z.string()]);
const text = z.string().nullish();

/** One item of GET /v1/Invoices (fields per the reference; extra fields are kept in raw). */
export const apticListItemSchema = z.looseObject({
  invoiceGuid: z.string().min(1),
  ledgerType: text,
  clientReferenceNumber: text,
  clientName: text,
  invoiceNumber: z.string().min(1),
  customerName: text,
  customerNumber: text,
  invoiceDate: text,
  dueDate: text,
  daysDue: z.number().nullish(),
  invoiceType: text,
  registrationDate: text,
  currencyCode: z.string().min(1),
  originalPrincipal: amount,
  remainingPrincipal: amount,
  paidSum: amount,
  remainingSum: amount,
  service: text,
  status: z.number().int(),
  financeStatus: z.number().int(),
  purchasable: z.number().nullish(),
  purchased: z.boolean().nullish(),
  disputed: z.boolean().nullish(),
});
export type ApticListItem = z.output<typeof apticListItemSchema>;

/** Aptic list envelope: `{count, skip, total, value[]}` ($top at most 100). */
export const apticInvoiceListSchema = z.object({
  count: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  value: z.array(apticListItemSchema),
});

export const apticTransactionSchema = z.looseObject({
  transactionGuid: z.string().min(1),
  transactionDate: z.string(),
  transactionType: z.string().min(1),
  description: text,
  amount,
  currencyCode: z.string().nullish(),
});
export type ApticTransaction = z.output<typeof apticTransactionSchema>;

/** Transactions lists use `values` and add a `summary`. */
export const apticTransactionListSchema = z.object({
  count: z.number().int().nonnegative(),
  skip: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  summary: z.looseObject({}).nullish(),
  values: z.array(apticTransactionSchema),
});

/** Financial details: all three parts are always present (a missing part is a wrong page). */
export const apticFinancialDetailsSchema = z.looseObject({
  financialInterestInformation: z.looseObject({}),
  purchaseInformation: z
    .looseObject({
      purchased: z.boolean(),
      financeStatus: z.number().int().nullish(),
      purchaseDate: text,
      purchasedAmount: amount.nullish(),
      recourseDate: text,
    }),
  creditorFeeInformation: z.array(z.looseObject({})).nullable(),
});
export type ApticFinancialDetails = z.output<typeof apticFinancialDetailsSchema>;

/** Problem details, as Aptic answers errors. */
export const apticProblemSchema = z.looseObject({ title: text, detail: text, status: z.number().nullish() });
