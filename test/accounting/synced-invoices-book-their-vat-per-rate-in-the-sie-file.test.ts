import { describe, expect, it } from 'vitest';
import { basAccountMap } from '../../src-shared/accounting/account-map';
import { salesVatByRate } from '../../src-shared/accounting/sales-vat-by-rate';
import { loadPeriodJournal } from '../../src-renderer/accounting/load-period-journal';
import { cachedInvoices } from '../../src-renderer/db/invoice-chunks';
import { sieStatement } from '../../src-renderer/accounting/sie-statement';
import { syncedCache } from '../statements/support/synced-cache';
import { readSie, sieProblems } from '../support/sie-reader';

// Runs under scripts/with-keyring.sh: the seeded sandboxes synced into a cache, as the golden files are.
describe('the invoices synced from the sandboxes, booked for January 2025', () => {
  it('book the net and output VAT per rate their rows give, as the Sales and VAT statement reports them', async () => {
    const cache = await syncedCache({ seed: 1, scale: 40 }, ['vettig', 'flowtly', 'confirma', 'aptic']);
    const period = { from: '2025-01-01', to: '2025-01-31' };
    const entries = await loadPeriodJournal(cache.db, period);
    const statement = sieStatement(entries, {
      ...period, language: 'en', accounts: basAccountMap, company: { name: 'Demo AB', orgNumber: '' },
      program: { name: 'Reskontra', version: 'test' }, generated: '2025-02-01',
    });
    const sie = readSie(statement.file!.bytes);
    expect(sieProblems(sie)).toEqual([]);
    const onAccount = (account: string) => 0 - sie.vouchers.flatMap((voucher) => voucher.trans).filter((trans) => trans.account === account).reduce((sum, trans) => sum + trans.ore, 0);

    const sek = salesVatByRate(await cachedInvoices(cache.db), period).rows.filter((row) => row.currency === 'SEK');
    const at = (rate: number) => sek.find((row) => row.rate === rate) ?? { net: 0, vat: 0 };
    expect(at(2500).net).toBeGreaterThan(0);
    expect([onAccount(basAccountMap.sales25), onAccount(basAccountMap.outputVat25)]).toEqual([at(2500).net, at(2500).vat]);
    expect([onAccount(basAccountMap.sales12), onAccount(basAccountMap.outputVat12)]).toEqual([at(1200).net, at(1200).vat]);
    expect([onAccount(basAccountMap.sales6), onAccount(basAccountMap.outputVat6)]).toEqual([at(600).net, at(600).vat]);
    // What no record knows the VAT of is booked as not known, and listed; never guessed.
    const unknown = sek.find((row) => row.rate === null);
    expect(onAccount(basAccountMap.salesVatUnknown)).toBe(unknown?.gross ?? 0);
    expect(statement.problems.filter((problem) => problem.code === 'vat-unknown').length).toBe(entries.filter((entry) => entry.currency === 'SEK' && (entry.type === 'invoiced' || entry.type === 'credited') && entry.vatByRate === null).length);
  });
});
