import { z } from 'zod';

/**
 * Why a provider's record could not be read, as a code and its parts rather than a sentence, so
 * each screen says it in the app's language. `field` is the provider's field name, `value` what it
 * sent there; `said` is the validator's own words for a refusal no code names, quoted as they are.
 */
export type RecordProblem =
  | { code: 'amount'; field: string; value: string }
  | { code: 'decimals'; field: string; value: string; digits: number }
  | { code: 'currency'; field: string; value: string }
  | { code: 'date'; field: string }
  | { code: 'type'; field: string; expected: ExpectedType }
  | { code: 'field'; field: string; said: string }
  /** The whole answer, not one record: it is not JSON. */
  | { code: 'json' };

/** What a field should have held, in the words each language has for it. */
export const expectedTypes = ['string', 'number', 'boolean', 'array', 'object'] as const;
export type ExpectedType = (typeof expectedTypes)[number];

export function isExpectedType(value: unknown): value is ExpectedType {
  return (expectedTypes as readonly unknown[]).includes(value);
}

const text = z.string().max(600);
/** The same, for a problem that crosses to the window inside an error's details. */
export const recordProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('amount'), field: text, value: text }),
  z.object({ code: z.literal('decimals'), field: text, value: text, digits: z.number().int().nonnegative() }),
  z.object({ code: z.literal('currency'), field: text, value: text }),
  z.object({ code: z.literal('date'), field: text }),
  z.object({ code: z.literal('type'), field: text, expected: z.enum(expectedTypes) }),
  z.object({ code: z.literal('field'), field: text, said: text }),
  z.object({ code: z.literal('json') }),
]);
