import { z } from 'zod';

/**
 * The accounts a voucher books on, by role. Defaults are the Swedish BAS chart (BAS-kontoplanen,
 * bas.se): an accountant who keeps BAS imports the vouchers without mapping a single account.
 * Every account is four digits, as BAS and the SIE file's `#KONTO` expect.
 */
export const accountRoles = [
  'receivables',
  'bank',
  'salesVatUnknown',
  'sales25',
  'sales12',
  'sales6',
  'salesExempt',
  'outputVat25',
  'outputVat12',
  'outputVat6',
  'inputVat',
  'factoringFees',
  'factorAccount',
  'interestIncome',
  'reminderFees',
  'badDebt',
] as const;

export type AccountRole = (typeof accountRoles)[number];
export type AccountMap = Record<AccountRole, string>;

export const basAccountMap: AccountMap = {
  receivables: '1510',
  bank: '1930',
  salesVatUnknown: '3000',
  sales25: '3001',
  sales12: '3002',
  sales6: '3003',
  salesExempt: '3004',
  outputVat25: '2611',
  outputVat12: '2621',
  outputVat6: '2631',
  inputVat: '2641',
  factoringFees: '6064',
  factorAccount: '1680',
  interestIncome: '8313',
  reminderFees: '3930',
  badDebt: '6352',
};

/** The BAS account names, Swedish as in the chart: what `#KONTO` declares for a default account. */
export const basAccountNames: Readonly<Record<string, string>> = {
  '1510': 'Kundfordringar',
  '1680': 'Andra kortfristiga fordringar',
  '1930': 'Företagskonto/checkkonto/affärskonto',
  '2611': 'Utgående moms på försäljning inom Sverige, 25 %',
  '2621': 'Utgående moms på försäljning inom Sverige, 12 %',
  '2631': 'Utgående moms på försäljning inom Sverige, 6 %',
  '2641': 'Debiterad ingående moms',
  '3000': 'Försäljning inom Sverige',
  '3001': 'Försäljning inom Sverige, 25 % moms',
  '3002': 'Försäljning inom Sverige, 12 % moms',
  '3003': 'Försäljning inom Sverige, 6 % moms',
  '3004': 'Försäljning inom Sverige, momsfri',
  '3930': 'Påminnelseavgifter',
  '6064': 'Factoringavgifter',
  '6352': 'Befarade förluster på kundfordringar',
  '8313': 'Ränteintäkter från kundfordringar',
};

export const accountNumber = z.string().regex(/^[1-8][0-9]{3}$/, 'an account is four digits, 1000–8999');

export const accountMapSchema = z.object(
  Object.fromEntries(accountRoles.map((role) => [role, accountNumber])) as Record<AccountRole, typeof accountNumber>,
);

/** A stored map, each role checked on its own: a bad or missing entry falls back to its BAS default. */
export function readAccountMap(stored: unknown): AccountMap {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const map = { ...basAccountMap };
  for (const role of accountRoles) {
    const parsed = accountNumber.safeParse(source[role]);
    if (parsed.success) map[role] = parsed.data;
  }
  return map;
}

/** The company as the SIE file names it (`#FNAMN`, `#ORGNR`). */
export interface Company {
  name: string;
  /** Swedish organisation number, NNNNNN-NNNN; empty when not given. */
  orgNumber: string;
}

export const orgNumberSchema = z.string().regex(/^(\d{6}-\d{4})?$/, 'an organisation number is NNNNNN-NNNN');
