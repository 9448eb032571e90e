/**
 * An amount as the screens should show it, formatted by Intl directly from exact decimal text
 * (currency code, the locale's separators): the expectation never goes through the app's code.
 */
export function moneyText(locale: string, minor: number, currency: string): string {
  const digits = String(Math.abs(minor)).padStart(3, '0');
  const decimal = `${minor < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }).format(decimal as unknown as number);
}
