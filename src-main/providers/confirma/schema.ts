import { z } from 'zod';

const amount = z.union([z.number(), z.string()]);
const text = z.string().nullish();

/** One case of GET /api/v1/partner/invoice/case, exactly as the seed page shows it. */
export const confirmaCaseSchema = z.looseObject({
  summary: z.looseObject({
    caseId: z.union([z.number().int(), z.string().min(1)]),
    status: z.string(),
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
  invoices: z.array(
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
      timeline: z.array(z.looseObject({ type: z.string(), occurredAt: text })).nullish(),
    }),
  ),
  payments: z.array(
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
  events: z.array(z.looseObject({ title: z.string(), description: text, state: z.number().nullish(), occurredAt: text })),
  actions: z.array(z.looseObject({ type: z.string(), status: z.number().nullish(), comment: text, occurredAt: text })),
  /** The seed spells it `occuredAt` here; the usual spelling is accepted too. */
  notes: z.array(z.looseObject({ title: z.string(), content: text, occuredAt: text, occurredAt: text })),
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
  breakdown: z.array(z.object({ type: z.enum(['CAPITAL', 'INTEREST', 'FEES']), amount })),
});
export type ConfirmaAllocation = z.output<typeof confirmaAllocationSchema>;

export const confirmaSettlementSchema = z.looseObject({
  settlementId: z.string().min(1),
  settlementDate: z.string(),
  agency: text,
  remittanceReference: text,
  beneficiary: z.looseObject({ name: text, iban: text, bic: text }).nullish(),
  settlementAmount: amount,
  currency: z.string().min(1),
  allocations: z.array(confirmaAllocationSchema),
});
export type ConfirmaSettlement = z.output<typeof confirmaSettlementSchema>;

/** GET /api/v1/partner/validate. */
export const confirmaValidateSchema = z.looseObject({ isValid: z.boolean(), message: text });
/** GET /api/v1/partner/renew: the new key in `Message`. */
export const confirmaRenewSchema = z.looseObject({ Message: z.string().min(8) });
