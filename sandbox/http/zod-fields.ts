/** zod building blocks the providers' write schemas share: dates, date-times, two-decimal amounts. */
import { z } from 'zod';
import { isIsoDate } from '../../src-shared/dates/iso-date';
import { decimalToMinor } from '../data/money-format';

/** YYYY-MM-DD, a real calendar date. */
export const isoDate = z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' });

/** A date-time (or a bare date); the sandbox keeps its date part. */
export const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i, { message: 'must be a date-time like 2025-01-31T00:00:00Z' })
  .refine((value) => isIsoDate(value.slice(0, 10)), { message: 'is not a real calendar date' })
  .transform((value) => value.slice(0, 10));

/** A JSON number with at most two decimals (Vettig, Aptic, Confirma amounts). */
export const amountNumber = z
  .number()
  .refine((value) => decimalToMinor(value) !== null, { message: 'must be an amount with at most two decimals' });

/** A string decimal with at most two decimals ("12.50"), as Flowtly sends prices. */
export const amountString = z
  .string()
  .refine((value) => decimalToMinor(value) !== null, { message: 'must be a decimal string with at most two decimals, e.g. "12.50"' });

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code like SEK' });

/** Parses a value the schema already checked; the fallback is unreachable after validation. */
export function toMinor(value: number | string): number {
  return decimalToMinor(value) ?? 0;
}
