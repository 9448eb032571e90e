/**
 * ISO 4217 currencies and how many minor-unit digits each has. Codes not listed here but
 * shaped like a code (three capital letters) use two digits, as most currencies do.
 */
const minorDigitsByCurrency: Readonly<Record<string, number>> = {
  BHD: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

const currencyCodePattern = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): boolean {
  return currencyCodePattern.test(value);
}

/** Digits after the decimal separator in the currency's minor unit (SEK 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return minorDigitsByCurrency[currency] ?? 2;
}
