import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { financingCostByMonth } from '../../src-renderer/queries/dashboard-figures';
import { loadLedgerRows } from '../../src-renderer/queries/ledger-events';
import { buildFactoringStatement } from '../../src-renderer/statements/factoring-statement';
import type { Statement } from '../../src-renderer/statements/statement';
import { asArray, asRecord, bearer, fetchToken, postJson, requestJson } from '../sandbox/support/sandbox-http';
import { syncedCache, type SyncedCache } from './support/synced-cache';

/**
 * Aptic's purchases booked in full, checked against figures worked out by hand from the
 * sandbox's own FinancialDetails JSON (seed 1, invoices 0..26: Aptic purchased 10425, 10430 and
 * 10451). Before the sync the test recourses 10430 through Aptic's Recourse endpoint with a fee
 * of 200.00, so one recourse is still unpaid at the end. The sandbox's clock is pinned to
 * 2025-06-30 (vitest.config.ts), the day that recourse is dated.
 *
 * A gross fee holds 25 % VAT, i.e. VAT = gross / 5 and net = gross × 4/5 rounded to the öre
 * (src-main/providers/README.md, Aptic).
 */
const purchaseJson = new Map<string, Record<string, unknown>>();
let cache: SyncedCache;

async function readPurchases(sandbox: RunningSandbox): Promise<void> {
  const headers = bearer(await fetchToken(sandbox));
  const guidOf = async (number: string) => {
    const list = asRecord((await requestJson(`${sandbox.baseUrl}/v1/Invoices?$filter=invoiceNumber eq '${number}'`, { headers })).body);
    return String(asRecord(asArray(list.value)[0]).invoiceGuid);
  };
  const purchaseOf = async (guid: string) =>
    asRecord(asRecord((await requestJson(`${sandbox.baseUrl}/v1/Invoices/${guid}/FinancialDetails`, { headers })).body).purchaseInformation);
  const guid10430 = await guidOf('10430');
  expect((await postJson(`${sandbox.baseUrl}/v1/Invoices/${guid10430}/Recourse`, { reason: 'Obetald', recourseFee: 200 }, headers)).status).toBe(204);
  for (const number of ['10425', '10430', '10451']) purchaseJson.set(number, await purchaseOf(await guidOf(number)));
}

beforeAll(async () => {
  cache = await syncedCache({ seed: 1, scale: 27 }, ['aptic'], readPurchases);
});

const at = (date: string) => `${date}T00:00:00Z`;

describe('the sandbox serves each purchase with its fee, payout and recourse, totals agreeing', () => {
  it('10451: purchased 37,967.50 without recourse, fee 749.37, payout 37,967.50 − 749.37 = 37,218.13', () => {
    expect(purchaseJson.get('10451')).toMatchObject({
      purchased: true, financeStatus: 2, purchaseDate: at('2024-08-14'), purchasedAmount: 37967.5,
      purchaseFeeAmount: 749.37, purchaseFeeCurrency: 'SEK', payoutDate: at('2024-08-14'), payoutAmount: 37218.13, recourseDate: null,
    });
  });

  it('10430: purchased 27,823.75 with recourse, fee 551.56, payout 27,272.19; recoursed today with a fee of 200.00', () => {
    expect(purchaseJson.get('10430')).toMatchObject({
      purchased: true, financeStatus: 4, purchaseDate: at('2024-09-30'), purchasedAmount: 27823.75,
      purchaseFeeAmount: 551.56, payoutAmount: 27272.19, recourseDate: at('2025-06-30'), recourseAmount: 27823.75, recourseFee: 200, recoursePaymentDate: null,
    });
  });

  it('10425 (the Vettig seed invoice): fee 9.00 + 19.50 = 28.50, payout 971.50, recourse fee 150.00, repaid 1,000.00 + 150.00', () => {
    expect(purchaseJson.get('10425')).toMatchObject({
      purchaseDate: at('2025-01-31'), purchasedAmount: 1000, purchaseFeeAmount: 28.5, payoutAmount: 971.5,
      recourseDate: at('2025-03-15'), recourseAmount: 1000, recourseFee: 150, recoursePaymentDate: at('2025-03-27'), recoursePaymentAmount: 1150,
    });
  });
});

/** Every Aptic factoring row of the Events screen, oldest first, with its running balance (öre). */
const expectedRows = [
  // 10451: +3,796,750 − 74,937 − 3,721,813 = 0. Fee 74,937: net 74,937 × 4/5 = 59,949.6 → 59,950, VAT 14,987.
  { date: '2024-08-14', type: 'financed', invoice: '10451', amount: 3_796_750, net: null, vat: null, balance: 3_796_750 },
  { date: '2024-08-14', type: 'charge', invoice: '10451', amount: 74_937, net: 59_950, vat: 14_987, balance: 3_721_813 },
  { date: '2024-08-14', type: 'payout', invoice: '10451', amount: 3_721_813, net: null, vat: null, balance: 0 },
  // 10430: +2,782,375 − 55,156 − 2,727,219 = 0. Fee 55,156: net 44,124.8 → 44,125, VAT 11,031.
  { date: '2024-09-30', type: 'financed', invoice: '10430', amount: 2_782_375, net: null, vat: null, balance: 2_782_375 },
  { date: '2024-09-30', type: 'charge', invoice: '10430', amount: 55_156, net: 44_125, vat: 11_031, balance: 2_727_219 },
  { date: '2024-09-30', type: 'payout', invoice: '10430', amount: 2_727_219, net: null, vat: null, balance: 0 },
  // 10425: +100,000 − 2,850 (net 2,280, VAT 570) − 97,150 = 0.
  { date: '2025-01-31', type: 'financed', invoice: '10425', amount: 100_000, net: null, vat: null, balance: 100_000 },
  { date: '2025-01-31', type: 'charge', invoice: '10425', amount: 2_850, net: 2_280, vat: 570, balance: 97_150 },
  { date: '2025-01-31', type: 'payout', invoice: '10425', amount: 97_150, net: null, vat: null, balance: 0 },
  // Recourse day: the fee (15,000: net 12,000, VAT 3,000), then the invoice back; repaid 100,000 + 15,000.
  { date: '2025-03-15', type: 'charge', invoice: '10425', amount: 15_000, net: 12_000, vat: 3_000, balance: -15_000 },
  { date: '2025-03-15', type: 'recourse', invoice: '10425', amount: 100_000, net: null, vat: null, balance: -115_000 },
  { date: '2025-03-27', type: 'recourse-payment', invoice: '10425', amount: 115_000, net: null, vat: null, balance: 0 },
  // 10430 recoursed today, fee 20,000 (net 16,000, VAT 4,000), not paid back: the business owes 28,023.75.
  { date: '2025-06-30', type: 'charge', invoice: '10430', amount: 20_000, net: 16_000, vat: 4_000, balance: -20_000 },
  { date: '2025-06-30', type: 'recourse', invoice: '10430', amount: 2_782_375, net: null, vat: null, balance: -2_802_375 },
];

describe('Aptic purchases in the ledger', () => {
  it('the Events balance follows each purchase to zero, and stands at what an unpaid recourse owes', async () => {
    const rows = await loadLedgerRows(cache.db);
    expect(rows.map((row) => ({ date: row.date, type: row.type, invoice: row.invoiceNumber, amount: row.amount, net: row.net, vat: row.vat, balance: row.balance }))).toEqual(expectedRows);
    expect(new Set(rows.map((row) => row.currency))).toEqual(new Set(['SEK']));
  });

  it('the factoring statement totals each type, the financing cost net and VAT, and the closing balance', async () => {
    const statement: Statement = await buildFactoringStatement(cache.db, { connectionId: cache.byProvider('aptic').id, from: '2024-08-01', to: '2025-06-30', language: 'en' });
    const total = (label: string) => statement.totals.find((item) => item.label === label)?.minor;
    expect(total('Financed')).toBe(3_796_750 + 2_782_375 + 100_000);
    expect(total('Charge')).toBe(74_937 + 55_156 + 2_850 + 15_000 + 20_000);
    expect(total('Payout')).toBe(3_721_813 + 2_727_219 + 97_150);
    expect(total('Recourse')).toBe(100_000 + 2_782_375);
    expect(total('Recourse payment')).toBe(115_000);
    expect(total('Financing cost (charges, net and VAT): Net')).toBe(59_950 + 44_125 + 2_280 + 12_000 + 16_000);
    expect(total('Financing cost (charges, net and VAT): VAT')).toBe(14_987 + 11_031 + 570 + 3_000 + 4_000);
    // 6,679,125 financed − 167,943 charged − 6,546,182 paid out − 2,882,375 recoursed + 115,000 repaid.
    expect(total('Closing balance')).toBe(-2_802_375);
    expect(statement.problems).toEqual([]);
  });

  it("the Dashboard's factoring cost counts Aptic's fees per month, net and VAT", async () => {
    expect(await financingCostByMonth(cache.db)).toEqual([
      { month: '2024-08', currency: 'SEK', net: 59_950, vat: 14_987, total: 74_937 },
      { month: '2024-09', currency: 'SEK', net: 44_125, vat: 11_031, total: 55_156 },
      { month: '2025-01', currency: 'SEK', net: 2_280, vat: 570, total: 2_850 },
      { month: '2025-03', currency: 'SEK', net: 12_000, vat: 3_000, total: 15_000 },
      { month: '2025-06', currency: 'SEK', net: 16_000, vat: 4_000, total: 20_000 },
    ]);
  });
});
