import type { RecordProblem } from '../domain/record-problem';
import { isCurrencyCode, minorDigits } from './currency';

/**
 * A provider amount that cannot be turned into exact minor units; the message names the record,
 * `problem` says the same as a code for the screens to translate.
 */
export class AmountError extends Error {
  readonly problem: RecordProblem | undefined;
  constructor(message: string, problem?: RecordProblem) {
    super(message);
    this.name = 'AmountError';
    this.problem = problem;
  }
}

/** Where an amount came from, for error messages: `Aptic invoice 10425, field remainingSum`. */
export interface AmountSource {
  record: string;
  field: string;
}

const decimalPattern = /^([+-]?)(\d+)(?:[.,](\d+))?$/;
const exponentPattern = /^([+-]?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;

/**
 * Parses a provider decimal (`19.5`, `"12.50"`, `971.5`, `"12,50"`, `-3`) into integer minor
 * units of `currency` without float arithmetic: a number is read through its shortest
 * round-trip decimal text, then shifted digit by digit. Rejects NaN, infinities, empty or
 * malformed text, more decimals than the currency has (trailing zeros aside) and values
 * beyond the safe integer range, with an error naming the record and field.
 */
export function parseMinorUnits(value: unknown, currency: string, source: AmountSource): number {
  if (!isCurrencyCode(currency)) {
    throw new AmountError(`${source.record}, field ${source.field}: "${clip(currency)}" is not an ISO 4217 currency code.`, { code: 'currency', field: source.field, value: clip(currency) });
  }
  return parseFixedPoint(value, minorDigits(currency), source, currency);
}

/**
 * A decimal as an exact integer count of 10^-digits (`"25.5"` with 2 digits → 2550): the same
 * reading as `parseMinorUnits`, for figures that are not money (a VAT rate, a quantity).
 * `unit` names what limits the decimals in the error message (`SEK`, `a VAT rate`).
 */
export function parseFixedPoint(value: unknown, digits: number, source: AmountSource, unit: string): number {
  if (typeof value === 'number') {
    // A whole number needs no text: times 10^digits it is exact whenever the product is a safe
    // integer (a product past 2^53 never rounds back below it), and most amounts are whole.
    if (Number.isInteger(value)) {
      const minor = value * 10 ** digits;
      if (Number.isSafeInteger(minor)) return minor + 0;
    } else if (digits <= 3 && Math.abs(value) < 1e12) {
      // A number with a fraction reads as the count k whose k / 10^digits is that very double.
      // Below 1e12 doubles are closer together than 10^-3, so no other decimal of at most
      // `digits` decimals reads as the same double: its shortest text, which the text reading
      // below parses, is k's. Anything else (more decimals) is left to the text, and its error.
      const scale = 10 ** digits;
      const minor = Math.round(value * scale);
      if (minor / scale === value) return minor + 0;
    }
  }
  return fixedPointOfText(value, digits, source, unit);
}

/** `parseFixedPoint` read through the value's decimal text, digit by digit: every value and every error. Exported for the test that holds the number paths to it. */
export function fixedPointOfText(value: unknown, digits: number, source: AmountSource, unit: string): number {
  const where = `${source.record}, field ${source.field}`;
  const text = decimalText(value, source);
  const match = decimalPattern.exec(text);
  if (!match) {
    throw new AmountError(`${where}: "${clip(text)}" is not a decimal amount.`, notAmount(source, text));
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > digits) {
    throw new AmountError(
      `${where}: ${text} has more decimals than ${unit} allows (${digits}).`,
      { code: 'decimals', field: source.field, value: clip(text), digits },
    );
  }
  const minorText = (whole + significantFraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) {
    throw new AmountError(`${where}: ${text} is too large to hold exactly.`, notAmount(source, text));
  }
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** Like parseMinorUnits, but `null`/`undefined` stay null (an amount the provider left out). */
export function parseOptionalMinorUnits(
  value: unknown,
  currency: string,
  source: AmountSource,
): number | null {
  if (value === null || value === undefined) return null;
  return parseMinorUnits(value, currency, source);
}

/** The code for an amount that is no amount Reskontra can hold exactly. */
function notAmount(source: AmountSource, text: string): RecordProblem {
  return { code: 'amount', field: source.field, value: clip(text) };
}

function decimalText(value: unknown, source: AmountSource): string {
  const where = `${source.record}, field ${source.field}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new AmountError(`${where}: ${String(value)} is not an amount.`, notAmount(source, String(value)));
    }
    return expandExponent(String(value), source);
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') throw new AmountError(`${where}: the amount is empty.`, notAmount(source, ''));
    return trimmed;
  }
  throw new AmountError(`${where}: expected a number or a decimal string, got ${describe(value)}.`, notAmount(source, JSON.stringify(value) ?? String(value)));
}

/** `1e21` → `1000000000000000000000`, `1.5e-7` → `0.00000015`: the digits, moved by text. */
function expandExponent(text: string, source: AmountSource): string {
  const match = exponentPattern.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) {
    throw new AmountError(`${source.record}, field ${source.field}: ${text} is out of range.`, notAmount(source, text));
  }
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
