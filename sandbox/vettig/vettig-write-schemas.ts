/**
 * Bodies of Vettig's write endpoints as Vettig's API reference lists them (see
 * src-main/providers/README.md). Both spellings of the organisation number occur in Vettig's
 * docs (finance: organizationNumber, upload: organisationNumber); every body accepts either and
 * the schema folds them into one.
 */
import { z } from 'zod';
import { amountNumber, isoDate } from '../http/zod-fields';

const text = z.string().nullish();

const organisationNumbers = { organisationNumber: z.string().min(1).nullish(), organizationNumber: z.string().min(1).nullish() };
type EitherSpelling = { organisationNumber?: string | null | undefined; organizationNumber?: string | null | undefined };

const ORGANISATION_NUMBER_REQUIRED = { message: 'organizationNumber (or organisationNumber) is required', path: ['organizationNumber'] };

function hasOrganisationNumber(body: EitherSpelling): boolean {
  return Boolean(body.organisationNumber ?? body.organizationNumber);
}

/** One spelling from here on, without the hyphen some clients put in ("559224-0425"). */
function foldOrganisationNumber<B extends EitherSpelling>(body: B): B & { organisationNumber: string } {
  return { ...body, organisationNumber: (body.organisationNumber ?? body.organizationNumber ?? '').replaceAll('-', '') };
}

const invoiceItem = z
  .object({
    articleId: text,
    description: z.string().min(1),
    quantity: z.number().positive(),
    unit: text,
    unitPrice: amountNumber,
    discountType: text,
    totalDiscount: amountNumber.nullish(),
    vatPercentage: z.number().min(0).max(100),
    totalVat: amountNumber,
    totalExclVat: amountNumber,
    total: amountNumber,
  })
  .refine((item) => Math.round((item.totalExclVat + item.totalVat) * 100) === Math.round(item.total * 100), {
    message: 'total must equal totalExclVat + totalVat',
    path: ['total'],
  });

export const financeInvoiceBody = z
  .object({
    ...organisationNumbers,
  invoiceType: z.string().min(1),
  invoiceNumber: z.string().min(1),
  debitInvoiceNumbers: z.array(z.string()).nullish(),
  invoiceDate: isoDate,
  dueDate: isoDate,
  deliveryDate: isoDate.nullish(),
  references: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
  paymentTerms: z.union([z.number().int(), z.string()]).nullish(),
  invoiceItems: z.array(invoiceItem).min(1),
  debtor: z.object({
    name: z.string().min(1),
    organizationNumber: text,
    organisationNumber: text,
    email: text,
    phone: text,
    invoiceAddress: z.record(z.string(), z.unknown()).nullish(),
  }),
  })
  .refine(hasOrganisationNumber, ORGANISATION_NUMBER_REQUIRED)
  .refine((body) => body.dueDate >= body.invoiceDate, { message: 'dueDate must not be before invoiceDate', path: ['dueDate'] })
  .transform(foldOrganisationNumber);

export const uploadInvoiceBody = z
  .object({
    ...organisationNumbers,
    invoiceType: z.string().min(1),
    distributionMethod: z.string().min(1),
    debtor: z.object({ invoiceEmail: z.email() }),
    /** Base64 of a Peppol BIS 3 invoice (UBL XML). */
    file: z.string().min(1),
  })
  .refine(hasOrganisationNumber, ORGANISATION_NUMBER_REQUIRED)
  .transform(foldOrganisationNumber);

export const startOnboardingBody = z
  .object({ ...organisationNumbers, companyName: text, email: text, phone: text })
  .refine(hasOrganisationNumber, ORGANISATION_NUMBER_REQUIRED)
  .transform(foldOrganisationNumber);
