import { z } from 'zod';

const amount = z.union([z.number(), z.string()]);
const text = z.string().nullish();

/**
 * One item of GET /v1/Invoices (fields per the reference; extra fields are let through, unread). Read
 * liberally: the guid, number, currency and the three amounts an invoice is made of are
 * required; every other field may be null or missing. `status` and `financeStatus` may be
 * null or hold a value Reskontra does not know (normalize.ts says what then).
 */
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
  remainingPrincipal: amount.nullish(),
  paidSum: amount,
  remainingSum: amount,
  service: text,
  status: z.number().int().nullish(),
  financeStatus: z.number().int().nullish(),
  purchasable: z.number().nullish(),
  purchased: z.boolean().nullish(),
  disputed: z.boolean().nullish(),
});
export type ApticListItem = z.output<typeof apticListItemSchema>;
/** What an invoice's detail calls read of its list entry: which invoice, its date and its financing state. */
export type ApticDetailsItem = Pick<ApticListItem, 'invoiceGuid' | 'invoiceNumber' | 'currencyCode' | 'invoiceDate' | 'financeStatus' | 'purchased'>;

const isText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const isName = (value: unknown) => typeof value === 'string' && value.length > 0;
const isAmount = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
const isNullish = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || value === null || check(value);
const isNumber = isNullish((value) => typeof value === 'number' && Number.isFinite(value));
const isInteger = isNullish((value) => Number.isSafeInteger(value));
const isFlag = isNullish((value) => typeof value === 'boolean');

/** `apticListItemSchema`'s fields as plain checks, each at least as strict as the schema's. */
type ListItemField = keyof typeof apticListItemSchema.shape;
const listItemChecks = Object.entries({
  invoiceGuid: isName,
  ledgerType: isText,
  clientReferenceNumber: isText,
  clientName: isText,
  invoiceNumber: isName,
  customerName: isText,
  customerNumber: isText,
  invoiceDate: isText,
  dueDate: isText,
  daysDue: isNumber,
  invoiceType: isText,
  registrationDate: isText,
  currencyCode: isName,
  originalPrincipal: isAmount,
  remainingPrincipal: isNullish(isAmount),
  paidSum: isAmount,
  remainingSum: isAmount,
  service: isText,
  status: isInteger,
  financeStatus: isInteger,
  purchasable: isNumber,
  purchased: isFlag,
  disputed: isFlag,
} satisfies Record<ListItemField, (value: unknown) => boolean>) as Array<[ListItemField, (value: unknown) => boolean]>;

/**
 * The list item itself when it certainly passes `apticListItemSchema`, else null (then the schema
 * reads it, and names what is wrong). A page's items nearly all pass, and the schema's copy of
 * each one was most of what validating a page cost; read as it is, an item is the same to the
 * code that reads it (test/providers/aptic-list-items-skip-zod-only-where-zod-accepts-them.test.ts).
 */
export function plainApticListItem(item: unknown): ApticListItem | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  for (const [field, check] of listItemChecks) if (!check((item as Record<string, unknown>)[field])) return null;
  return item as ApticListItem;
}

/** Aptic list envelope: `{count, skip, total, value[]}` ($top at most 100); items are read one by one. */
export const apticInvoiceListSchema = z.looseObject({
  count: z.number().int().nonnegative().nullish(),
  skip: z.number().int().nonnegative().nullish(),
  total: z.number().int().nonnegative(),
  value: z.array(z.unknown()),
});

/** A transaction: an unknown or missing `transactionType` is kept as an `unknown` event. */
export const apticTransactionSchema = z.looseObject({
  transactionGuid: z.string().min(1),
  transactionDate: z.string(),
  transactionType: text,
  description: text,
  amount,
  currencyCode: z.string().nullish(),
});
export type ApticTransaction = z.output<typeof apticTransactionSchema>;

/** Transactions lists use `values` and add a `summary`; without `total` the list is read until a short page. */
export const apticTransactionListSchema = z.looseObject({
  count: z.number().int().nonnegative().nullish(),
  skip: z.number().int().nonnegative().nullish(),
  total: z.number().int().nonnegative().nullish(),
  summary: z.unknown(),
  values: z.array(z.unknown()),
});

/**
 * Financial details. The reference shows the three parts but not their fields, so every part may
 * be null or absent and every field is optional: what is missing is missing, never an error.
 * Only a body with none of the parts is refused (a wrong page, retried like any other).
 * The purchase fields are the names Aptic's Purchase and Recourse requests use, plus the dates
 * and amounts of a booked purchase (see src-main/providers/README.md, Aptic).
 */
const optionalAmount = amount.nullish();

export const apticPurchaseInformationSchema = z.looseObject({
  purchased: z.boolean().nullish(),
  financeStatus: z.number().int().nullish(),
  purchaseDate: text,
  purchasedAmount: optionalAmount,
  purchaseFeeAmount: optionalAmount,
  /** The VAT in purchaseFeeAmount, when Aptic states it. */
  purchaseFeeVatAmount: optionalAmount,
  purchaseFeePercentage: z.number().nullish(),
  purchaseFeeCurrency: text,
  payoutDate: text,
  payoutAmount: optionalAmount,
  recourseDate: text,
  recourseAmount: optionalAmount,
  recourseFee: optionalAmount,
  recourseFeeVatAmount: optionalAmount,
  recourseFeeCurrency: text,
  recoursePaymentDate: text,
  recoursePaymentAmount: optionalAmount,
});
export type ApticPurchaseInformation = z.output<typeof apticPurchaseInformationSchema>;

export const apticInterestInformationSchema = z.looseObject({
  interestRate: z.number().nullish(),
  interestAmount: optionalAmount,
  interestPaid: optionalAmount,
  calculatedUntil: text,
  currencyCode: text,
});

export const apticCreditorFeeSchema = z.looseObject({
  feeType: text,
  description: text,
  amount: optionalAmount,
  currencyCode: text,
  feeDate: text,
});
export type ApticCreditorFee = z.output<typeof apticCreditorFeeSchema>;

const financialDetailParts = ['financialInterestInformation', 'purchaseInformation', 'creditorFeeInformation'] as const;

/** The envelope: a body naming none of the three parts (even as null) is not financial details. */
export const apticFinancialDetailsSchema = z
  .looseObject({
    financialInterestInformation: apticInterestInformationSchema.nullish(),
    purchaseInformation: apticPurchaseInformationSchema.nullish(),
    creditorFeeInformation: z.array(apticCreditorFeeSchema.nullish()).nullish(),
  })
  .refine((details) => financialDetailParts.some((part) => part in details), {
    message: `expected financial details (${financialDetailParts.join(', ')})`,
  });
export type ApticFinancialDetails = z.output<typeof apticFinancialDetailsSchema>;

/**
 * One debt (invoice line) of GET /v1/Invoices/{guid}. The reference shows `debts` without its
 * fields; these are the sandbox's names (see src-main/providers/README.md, Aptic). Every field may
 * be missing or null: the line then tells no VAT, and the invoice's VAT is unknown.
 */
export const apticDebtSchema = z.looseObject({
  vatPercentage: optionalAmount,
  amount: optionalAmount,
  vatAmount: optionalAmount,
  totalAmount: optionalAmount,
});
export type ApticDebt = z.output<typeof apticDebtSchema>;

/** The invoice detail as far as its VAT goes: the debts, each read on its own. */
export const apticInvoiceDetailSchema = z.looseObject({ debts: z.array(z.unknown()).nullish() });

/** Problem details, as Aptic answers errors. */
export const apticProblemSchema = z.looseObject({ title: text, detail: text, status: z.number().nullish() });
