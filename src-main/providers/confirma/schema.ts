import { z } from 'zod';

const amount = z.union([z.number(), z.string()]);
const text = z.string().nullish();

/** A list the documents show but a case may leave out or send as null: read as empty. */
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((items) => items ?? []);

/**
 * One case of GET /api/v1/partner/invoice/case, as the seed page shows it, read liberally:
 * the case id, currency and the money (balance, invoice and payment amounts) are required;
 * every text may be null or missing, every list may be null or missing (read as empty), a
 * status Reskontra has not seen is kept as Confirma wrote it, extra fields are ignored.
 */
export const confirmaCaseSchema = z.looseObject({
  summary: z.looseObject({
    caseId: z.union([z.number().int(), z.string().min(1)]),
    status: text,
    stage: text,
    createdAt: text,
    closedAt: text,
    activeDays: z.number().nullish(),
    creditor: text,
    currency: z.string().min(1),
    agency: text,
  }),
  balance: z.looseObject({
    capitalAmount: amount,
    interestAmount: amount,
    costsAmount: amount,
    capitalPaid: amount,
    interestPaid: amount,
    costsPaid: amount,
    capitalOutstanding: amount,
    interestOutstanding: amount,
    costsOutstanding: amount,
    totalOutstanding: amount,
    asOf: text,
  }),
  invoices: list(
    z.looseObject({
      invoiceNumber: z.string(),
      reference: text,
      originalReference: text,
      invoiceDate: text,
      dueDate: text,
      createdDate: text,
      subject: text,
      interestRate: z.number().nullish(),
      capitalAmount: amount,
      capitalPaid: amount,
      interestAmount: amount,
      interestPaid: amount,
      distribution: z.looseObject({ method: text, channel: text }).nullish(),
      timeline: list(z.looseObject({ type: text, occurredAt: text })),
    }),
  ),
  payments: list(
    z.looseObject({
      invoiceNumber: text,
      createdAt: text,
      bankPaymentDate: text,
      allocatedAt: text,
      amount,
      currency: text,
      description: text,
      method: text,
      status: text,
    }),
  ),
  events: list(z.looseObject({ title: text, description: text, state: z.number().nullish(), occurredAt: text })),
  actions: list(z.looseObject({ type: text, status: z.number().nullish(), comment: text, occurredAt: text })),
  /** The seed spells it `occuredAt` here; the usual spelling is accepted too. */
  notes: list(z.looseObject({ title: text, content: text, occuredAt: text, occurredAt: text })),
});
export type ConfirmaCase = z.output<typeof confirmaCaseSchema>;

export const confirmaAllocationSchema = z.looseObject({
  allocationId: z.string().min(1),
  allocatedTotalAmount: amount,
  allocationDate: z.string(),
  currency: z.string().min(1),
  caseId: z.union([z.number().int(), z.string()]).nullish(),
  originalInvoiceNumber: text,
  originalPaymentReference: text,
  /** CAPITAL, INTEREST or FEES; a part of another type leaves the breakdown short, which quarantines the allocation. */
  breakdown: list(z.looseObject({ type: z.string(), amount })),
});
export type ConfirmaAllocation = z.output<typeof confirmaAllocationSchema>;

/** A settlement without its allocations, which are read one by one. */
export const confirmaSettlementSchema = z.looseObject({
  settlementId: z.string().min(1),
  settlementDate: z.string(),
  agency: text,
  remittanceReference: text,
  beneficiary: z.looseObject({ name: text, iban: text, bic: text }).nullish(),
  settlementAmount: amount,
  currency: z.string().min(1),
  allocations: list(z.unknown()),
});
export type ConfirmaSettlement = z.output<typeof confirmaSettlementSchema>;

/** GET /api/v1/partner/validate. */
export const confirmaValidateSchema = z.looseObject({ isValid: z.boolean(), message: text });
/** GET /api/v1/partner/renew: the new key in `Message`. */
export const confirmaRenewSchema = z.looseObject({ Message: z.string().min(8) });

/**
 * A case's debtor, where a case carries one (`debtor` on the case or its summary). Confirma's case
 * example names none; the create-invoice request names the buyer, so a case may. Read apart from
 * the case schema and tolerantly: an unreadable debtor is an unknown one, never a failed case.
 */
export const confirmaDebtorSchema = z.looseObject({
  name: z.string().nullish().catch(null),
  customerNumber: z.union([z.string(), z.number()]).nullish().catch(null),
  organizationNumber: z.string().nullish().catch(null),
});
