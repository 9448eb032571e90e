import { describe, expect, it } from 'vitest';
import { basAccountMap } from '../../src-shared/accounting/account-map';
import { sieStatement } from '../../src-renderer/accounting/sie-statement';
import { loadPeriodJournal } from '../../src-renderer/accounting/load-period-journal';
import { syncedCache } from '../statements/support/synced-cache';
import { readSie, sieProblems } from '../support/sie-reader';

describe("Vettig's invoice 10425, synced from the sandbox and booked", () => {
  it('books its two charges as 22.80 of factoring fees and 5.70 of input VAT, every voucher balanced', async () => {
    // Scale 1 is invoice 0 alone: Vettig serves exactly the six seed events of invoice 10425.
    const cache = await syncedCache({ seed: 1, scale: 1 }, ['vettig']);
    const period = { from: '2025-01-01', to: '2025-03-31' };
    const entries = await loadPeriodJournal(cache.db, period);
    expect(entries.map((entry) => entry.type)).toEqual(['financed', 'charge', 'charge', 'payout', 'recourse', 'recourse-payment']);
    const statement = sieStatement(entries, {
      ...period, language: 'sv', accounts: basAccountMap, company: { name: 'Demo AB', orgNumber: '' },
      program: { name: 'Reskontra', version: 'test' }, generated: '2025-04-01',
    });
    const sie = readSie(statement.file!.bytes);
    expect(sieProblems(sie)).toEqual([]);
    const onAccount = (account: string) => sie.vouchers.flatMap((voucher) => voucher.trans).filter((trans) => trans.account === account).reduce((sum, trans) => sum + trans.ore, 0);
    expect(onAccount(basAccountMap.factoringFees)).toBe(22_80);
    expect(onAccount(basAccountMap.inputVat)).toBe(5_70);
    // Financed, charged, paid out, handed back and paid back: square with the factoring company.
    expect(onAccount(basAccountMap.factorAccount)).toBe(0);
    expect(statement.problems).toEqual([]);
  });
});
