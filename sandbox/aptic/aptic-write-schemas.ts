/**
 * Request bodies of Aptic's write endpoints, as the reference documents them. The reference does
 * not expand InvoiceDebt or PutInvoiceCustomer; the sandbox requires what an invoice cannot do
 * without (a customer name, at least one debt with an amount) and documents that in its README.
 */
import { z } from 'zod';
import { amountNumber, currencyCode, isoDate, isoDateTime } from '../http/zod-fields';

const text = z.string().nullish();

export const createInvoicesBody = z
  .array(
    z.object({
      creditorReference: text,
      referenceNumber: text,
      paymentReference: text,
      service: text,
      invoiceDate: isoDateTime.nullish(),
      /** Not in the reference's create schema; accepted so a created invoice can have a due date. */
      dueDate: isoDateTime.nullish(),
      currencyCode: currencyCode.nullish(),
      purchasable: z.number().int().min(0).max(2).nullish(),
      customer: z.object({
        customerNumber: text,
        name: z.string().min(1),
        organizationNumber: text,
        countryCode: z.string().length(2).nullish(),
        email: text,
        city: text,
      }),
      debts: z
        .array(
          z.object({
            description: text,
            quantity: z.number().positive().nullish(),
            amount: amountNumber.refine((value) => value > 0, { message: 'must be more than 0' }),
            vatAmount: amountNumber.nullish(),
          }),
        )
        .min(1),
    }),
  )
  .min(1);

export const patchInvoiceBody = z.strictObject({
  dueDate: isoDate.nullish(),
  paymentCondition: text,
  paymentReference: text,
  receiverReference: text,
  ourOrder: text,
  yourOrder: text,
  ourReference: text,
  yourReference: text,
  seller: text,
  handlingCode: text,
  goodsMark: text,
  preferredChannelId: z.number().int().nullish(),
  denyConversion: z.boolean().nullish(),
  paymentCode: text,
  printCode: text,
  formCode: text,
  interestCapitalizationInterval: z.number().int().nullish(),
  priceList: text,
  debtGroup: text,
  receiverHomePhone: text,
  receiverWorkPhone: text,
  receiverCellularPhone: text,
  receiverTelefax: text,
  receiverEmail: text,
  reminderDate: isoDate.nullish(),
  collectionDate: isoDate.nullish(),
});

export const disputeBody = z.object({ reason: text, disputedAt: isoDateTime.nullish(), isDisputed: z.boolean().nullish() });

export const postponeBody = z.object({ newDueDate: isoDateTime });

export const purchaseBody = z.object({
  purchaseFeeAmount: amountNumber.nullish(),
  purchaseFeeCurrency: currencyCode.nullish(),
  purchaseFeePercentage: z.number().min(0).max(100).nullish(),
  invoiceItemId: z.number().int().nullish(),
  approved: z.boolean().nullish(),
  recourseDays: z.number().int().min(0).nullish(),
  depositAmount: amountNumber.nullish(),
  note: text,
});

export const recourseBody = z.object({ reason: text, recourseFee: amountNumber.nullish(), recourseFeeCurrency: currencyCode.nullish() });

export const paymentBody = z.object({
  paymentReference: text,
  paymentDate: isoDateTime,
  accountingDate: isoDateTime.nullish(),
  paymentAmount: amountNumber.refine((value) => value > 0, { message: 'must be more than 0' }),
  currencyCode: currencyCode.nullish(),
  receivedAmount: amountNumber.nullish(),
  exchangeDate: isoDateTime.nullish(),
  source: text,
});

export const closeBody = z.object({ closureCode: text, note: text });

export const deprecateBody = z.object({ deprecationLevel: z.enum(['Reservation', 'WriteOff']), deprecatedAt: isoDateTime.nullish(), note: text });
