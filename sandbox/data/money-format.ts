/**
 * The generator keeps money in integer minor units; these turn it into each provider's wire form
 * at the edge, and parse request amounts back without float arithmetic on the stored values.
 */

/** 1950 -> 19.5 (JSON number). Integer / 100 is the double nearest the decimal, so it prints exactly. */
export function minorToNumber(minor: number): number {
  return minor / 100;
}

/** 1250 -> "12.50" (string decimal, as API Platform serialises decimals). */
export function minorToDecimalString(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a request amount (19.5, "19.50", "19,50") into minor units, or null when it is not an
 * amount with at most two decimals. Numbers go through their shortest string form, never * 100.
 */
export function decimalToMinor(value: number | string): number | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? String(value) : value.trim().replace(',', '.');
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, minus, whole = '0', fraction = ''] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return minus ? -minor : minor;
}

/** Rounds a rational amount of minor units half away from zero, for fees and VAT. */
export function roundMinor(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}
