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
 * sandbox's own FinancialDetails JSON (seed 6, invoices 0..34: Aptic purchased 10430, 10453 and
 * 10459; Vettig factored others, which Aptic serves as its own ledger's). Before the sync the
 * test recourses 10430 through Aptic's Recourse endpoint with a fee of 200.00, so one recourse is
 * still unpaid at the end. The sandbox's clock is pinned to 2025-06-30 (vitest.config.ts), the day
 * that recourse is dated.
 *
 * A gross fee holds 25 % VAT, i.e. VAT = gross / 5 and net = gross × 4/5 rounded to the öre
 * (src-main/providers/README.md, Aptic). The sandbox's purchase fee is Vettig's price list:
 * 9.00 + 1.95 % of the invoice, rounded to the öre.
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
  for (const number of ['10430', '10453', '10459', '10425']) purchaseJson.set(number, await purchaseOf(await guidOf(number)));
}

beforeAll(async () => {
  cache = await syncedCache({ seed: 6, scale: 35 }, ['aptic'], readPurchases);
});

const at = (date: string) => `${date}T00:00:00Z`;

describe('the sandbox serves each purchase with its fee, payout and recourse, totals agreeing', () => {
  it('10430: purchased 20,946.25 with recourse, fee 9.00 + 408.45 = 417.45, payout 20,528.80; recoursed today with a fee of 200.00', () => {
    expect(purchaseJson.get('10430')).toMatchObject({
      purchased: true, financeStatus: 4, purchaseDate: at('2024-12-02'), purchasedAmount: 20946.25,
      purchaseFeeAmount: 417.45, purchaseFeeCurrency: 'SEK', payoutDate: at('2024-12-02'), payoutAmount: 20528.8,
      recourseDate: at('2025-06-30'), recourseAmount: 20946.25, recourseFee: 200, recoursePaymentDate: null,
    });
  });

  it('10453: purchased 44,621.25, fee 9.00 + 870.11 = 879.11, payout 43,742.14, recourse fee 150.00, repaid 44,621.25 + 150.00', () => {
    expect(purchaseJson.get('10453')).toMatchObject({
      purchased: true, financeStatus: 4, purchaseDate: at('2025-01-02'), purchasedAmount: 44621.25, purchaseFeeAmount: 879.11, payoutAmount: 43742.14,
      recourseDate: at('2025-02-15'), recourseAmount: 44621.25, recourseFee: 150, recoursePaymentDate: at('2025-02-27'), recoursePaymentAmount: 44771.25,
    });
  });

  it('10459: purchased 80,162.50 without recourse, fee 9.00 + 1,563.17 = 1,572.17, payout 78,590.33', () => {
    expect(purchaseJson.get('10459')).toMatchObject({
      purchased: true, financeStatus: 2, purchaseDate: at('2025-04-03'), purchasedAmount: 80162.5,
      purchaseFeeAmount: 1572.17, payoutAmount: 78590.33, recourseDate: null,
    });
  });

  it('10425, the Vettig seed invoice, is Vettig\'s: Aptic serves it unpurchased', () => {
    expect(purchaseJson.get('10425')).toMatchObject({ purchased: false, financeStatus: 0, purchaseDate: null, purchasedAmount: 0 });
  });
});

/** Every Aptic factoring row of the Events screen, oldest first, with its running balance (öre). */
const expectedRows = [
  // 10430: +2,094,625 − 41,745 − 2,052,880 = 0. Fee 41,745: net 41,745 × 4/5 = 33,396, VAT 8,349.
  { date: '2024-12-02', type: 'financed', invoice: '10430', amount: 2_094_625, net: null, vat: null, balance: 2_094_625 },
  { date: '2024-12-02', type: 'charge', invoice: '10430', amount: 41_745, net: 33_396, vat: 8_349, balance: 2_052_880 },
  { date: '2024-12-02', type: 'payout', invoice: '10430', amount: 2_052_880, net: null, vat: null, balance: 0 },
  // 10453: +4,462,125 − 87,911 − 4,374,214 = 0. Fee 87,911: net 70,328.8 → 70,329, VAT 17,582.
  { date: '2025-01-02', type: 'financed', invoice: '10453', amount: 4_462_125, net: null, vat: null, balance: 4_462_125 },
  { date: '2025-01-02', type: 'charge', invoice: '10453', amount: 87_911, net: 70_329, vat: 17_582, balance: 4_374_214 },
  { date: '2025-01-02', type: 'payout', invoice: '10453', amount: 4_374_214, net: null, vat: null, balance: 0 },
  // Recourse day: the fee (15,000: net 12,000, VAT 3,000), then the invoice back; repaid 4,462,125 + 15,000.
  { date: '2025-02-15', type: 'charge', invoice: '10453', amount: 15_000, net: 12_000, vat: 3_000, balance: -15_000 },
  { date: '2025-02-15', type: 'recourse', invoice: '10453', amount: 4_462_125, net: null, vat: null, balance: -4_477_125 },
  { date: '2025-02-27', type: 'recourse-payment', invoice: '10453', amount: 4_477_125, net: null, vat: null, balance: 0 },
  // 10459: +8,016,250 − 157,217 − 7,859,033 = 0. Fee 157,217: net 125,773.6 → 125,774, VAT 31,443.
  { date: '2025-04-03', type: 'financed', invoice: '10459', amount: 8_016_250, net: null, vat: null, balance: 8_016_250 },
  { date: '2025-04-03', type: 'charge', invoice: '10459', amount: 157_217, net: 125_774, vat: 31_443, balance: 7_859_033 },
  { date: '2025-04-03', type: 'payout', invoice: '10459', amount: 7_859_033, net: null, vat: null, balance: 0 },
  // 10430 recoursed today, fee 20,000 (net 16,000, VAT 4,000), not paid back: the business owes 21,146.25.
  { date: '2025-06-30', type: 'charge', invoice: '10430', amount: 20_000, net: 16_000, vat: 4_000, balance: -20_000 },
  { date: '2025-06-30', type: 'recourse', invoice: '10430', amount: 2_094_625, net: null, vat: null, balance: -2_114_625 },
];

describe('Aptic purchases in the ledger', () => {
  it('the Events balance follows each purchase to zero, and stands at what an unpaid recourse owes', async () => {
    const rows = await loadLedgerRows(cache.db);
    expect(rows.map((row) => ({ date: row.date, type: row.type, invoice: row.invoiceNumber, amount: row.amount, net: row.net, vat: row.vat, balance: row.balance }))).toEqual(expectedRows);
    expect(new Set(rows.map((row) => row.currency))).toEqual(new Set(['SEK']));
  });

  it('the factoring statement totals each type, the financing cost net and VAT, and the closing balance', async () => {
    const statement: Statement = await buildFactoringStatement(cache.db, { connectionId: cache.byProvider('aptic').id, from: '2024-12-01', to: '2025-06-30', language: 'en', connectionLabels: cache.labels });
    const total = (label: string) => statement.totals.find((item) => item.label === label)?.minor;
    expect(total('Financed')).toBe(2_094_625 + 4_462_125 + 8_016_250);
    expect(total('Charge')).toBe(-(41_745 + 87_911 + 15_000 + 157_217 + 20_000));
    expect(total('Payout')).toBe(2_052_880 + 4_374_214 + 7_859_033);
    expect(total('Recourse')).toBe(-(4_462_125 + 2_094_625));
    expect(total('Recourse payment')).toBe(-4_477_125);
    expect(total('Financing cost (charges, net and VAT): Net')).toBe(-(33_396 + 70_329 + 12_000 + 125_774 + 16_000));
    expect(total('Financing cost (charges, net and VAT): VAT')).toBe(-(8_349 + 17_582 + 3_000 + 31_443 + 4_000));
    // 14,573,000 financed − 321,873 charged − 14,286,127 paid out − 6,556,750 recoursed + 4,477,125 repaid.
    expect(total('Closing balance')).toBe(-2_114_625);
    expect(statement.problems).toEqual([]);
  });

  it("the Dashboard's factoring cost counts Aptic's fees per month, net and VAT", async () => {
    expect(await financingCostByMonth(cache.db)).toEqual([
      { month: '2024-12', currency: 'SEK', net: 33_396, vat: 8_349, total: 41_745 },
      { month: '2025-01', currency: 'SEK', net: 70_329, vat: 17_582, total: 87_911 },
      { month: '2025-02', currency: 'SEK', net: 12_000, vat: 3_000, total: 15_000 },
      { month: '2025-04', currency: 'SEK', net: 125_774, vat: 31_443, total: 157_217 },
      { month: '2025-06', currency: 'SEK', net: 16_000, vat: 4_000, total: 20_000 },
    ]);
  });
});
