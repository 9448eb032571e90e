import { minorDigits } from './currency';

/** An exact amount: integer minor units (öre, cents) and its ISO 4217 currency. */
export interface Money {
  minor: number;
  currency: string;
}

/**
 * Minor units back to decimal text (`97150`, SEK → `971.50`), by string, never by division.
 * `decimalSeparator` is `.` or `,` (the CSV presets pick one).
 */
export function formatMinorUnits(minor: number, currency: string, decimalSeparator: '.' | ',' = '.'): string {
  return minorUnitsFormatter(currency, decimalSeparator)(minor);
}

/** The same for many amounts in one currency (a CSV column): its digits are looked up once. */
export function minorUnitsFormatter(currency: string, decimalSeparator: '.' | ',' = '.'): (minor: number) => string {
  const digits = minorDigits(currency);
  return (minor) => {
    if (!Number.isSafeInteger(minor)) throw new RangeError(`${String(minor)} is not a whole number of minor units.`);
    const negative = minor < 0;
    const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0');
    const whole = magnitude.slice(0, magnitude.length - digits);
    const fraction = magnitude.slice(magnitude.length - digits);
    const body = digits === 0 ? whole : `${whole}${decimalSeparator}${fraction}`;
    return negative ? `-${body}` : body;
  };
}
