import { z } from 'zod';

/**
 * Why a provider's record could not be read, as a code and its parts rather than a sentence, so
 * each screen says it in the app's language. `field` is the provider's field name, `value` what it
 * sent there; `said` is the validator's own words for a refusal no code names, quoted as they are.
 */
export type RecordProblem =
  | FieldProblem
  /** A Confirma settlement that cannot vouch for its allocations: its own field could not be read. */
  | { code: 'settlement'; problem: FieldProblem };

/** A problem with one record or one answer, as its own. */
export type FieldProblem =
  | { code: 'amount'; field: string; value: string }
  | { code: 'decimals'; field: string; value: string; digits: number }
  | { code: 'currency'; field: string; value: string }
  | { code: 'date'; field: string }
  | { code: 'type'; field: string; expected: ExpectedType }
  | { code: 'field'; field: string; said: string }
  /** The whole answer, not one record: it is not JSON. */
  | { code: 'json' }
  /** Aptic answered an invoice's detail request with no invoice detail at all. */
  | { code: 'notDetail'; invoice: string }
  /** ...or with the detail of another invoice. */
  | { code: 'otherDetail'; invoice: string; other: string }
  /** A Confirma allocation whose capital, interest and fees do not add up to its total. */
  | { code: 'breakdown' }
  /** Another allocation of the settlement could not be read, so none can be checked against what was paid out. */
  | { code: 'settlementUnchecked' }
  /** A settlement whose allocations add up to other than what it paid out. */
  | { code: 'settlementSum' }
  /** A Flowtly payment whose invoice has no readable number and currency. */
  | { code: 'transactionInvoice'; invoice: string }
  /** A Flowtly row whose net or VAT, computed exactly, is beyond what a number holds exactly. */
  | { code: 'rowTooLarge'; part: 'net' | 'vat' }
  /** Pages that never end (see sync-cursor.ts): a next page behind this one, */
  | { code: 'pageBack'; page: number; next: number }
  /** ...more records than the provider reported, */
  | { code: 'pastTotal'; done: number; total: number }
  /** ...more than a walk may hold, */
  | { code: 'pastRecords'; most: number }
  /** ...more pages of one Aptic invoice's transactions than any invoice has, */
  | { code: 'pastEventPages'; most: number; invoice: string }
  /** ...or pages of nothing but records this walk already had. */
  | { code: 'repeatedPages' };

/** What a field should have held, in the words each language has for it. */
export const expectedTypes = ['string', 'number', 'boolean', 'array', 'object'] as const;
export type ExpectedType = (typeof expectedTypes)[number];

export function isExpectedType(value: unknown): value is ExpectedType {
  return (expectedTypes as readonly unknown[]).includes(value);
}

const text = z.string().max(600);
const count = z.number().int().nonnegative();
const fieldProblems = [
  z.object({ code: z.literal('amount'), field: text, value: text }),
  z.object({ code: z.literal('decimals'), field: text, value: text, digits: count }),
  z.object({ code: z.literal('currency'), field: text, value: text }),
  z.object({ code: z.literal('date'), field: text }),
  z.object({ code: z.literal('type'), field: text, expected: z.enum(expectedTypes) }),
  z.object({ code: z.literal('field'), field: text, said: text }),
  z.object({ code: z.literal('json') }),
  z.object({ code: z.literal('notDetail'), invoice: text }),
  z.object({ code: z.literal('otherDetail'), invoice: text, other: text }),
  z.object({ code: z.literal('breakdown') }),
  z.object({ code: z.literal('settlementUnchecked') }),
  z.object({ code: z.literal('settlementSum') }),
  z.object({ code: z.literal('transactionInvoice'), invoice: text }),
  z.object({ code: z.literal('rowTooLarge'), part: z.enum(['net', 'vat']) }),
  z.object({ code: z.literal('pageBack'), page: count, next: count }),
  z.object({ code: z.literal('pastTotal'), done: count, total: count }),
  z.object({ code: z.literal('pastRecords'), most: count }),
  z.object({ code: z.literal('pastEventPages'), most: count, invoice: text }),
  z.object({ code: z.literal('repeatedPages') }),
] as const;
/** The same, for a problem that crosses to the window inside an error's details. */
export const recordProblemSchema = z.discriminatedUnion('code', [
  ...fieldProblems,
  z.object({ code: z.literal('settlement'), problem: z.discriminatedUnion('code', fieldProblems) }),
]);
