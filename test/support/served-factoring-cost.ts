import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { asArray, asRecord, bearer, fetchToken, requestJson } from '../sandbox/support/sandbox-http';

/**
 * What factoring cost the business, per month and currency, read from the sandboxes' own JSON
 * (not through the app): Vettig's Charge events, and Aptic's purchase fee (on its purchase date)
 * and recourse fee (on its recourse date) from each purchased invoice's financial details.
 */
export async function servedFactoringCost(sandboxes: readonly RunningSandbox[]): Promise<Map<string, number>> {
  const cost = new Map<string, number>();
  const add = (date: unknown, currency: string, amount: unknown) => {
    const key = `${String(date).slice(0, 7)} ${currency}`;
    cost.set(key, (cost.get(key) ?? 0) + Math.round(Number(amount) * 100));
  };
  for (const sandbox of sandboxes) {
    const headers = sandbox.provider === 'vettig' || sandbox.provider === 'aptic' ? bearer(await fetchToken(sandbox)) : {};
    if (sandbox.provider === 'vettig') {
      const events = asArray((await requestJson(`${sandbox.baseUrl}/v2/factoring/events/${sandbox.settings.organisationNumber ?? ''}`, { headers })).body);
      for (const event of events.map(asRecord)) if (event.type === 'Charge') add(event.date, 'SEK', event.amount);
    }
    if (sandbox.provider === 'aptic') {
      for (let skip = 0; ; skip += 100) {
        const page = asArray(asRecord((await requestJson(`${sandbox.baseUrl}/v1/Invoices?$top=100&$skip=${skip}`, { headers })).body).value).map(asRecord);
        for (const item of page.filter((row) => row.financeStatus !== 0 && row.financeStatus !== 1)) {
          const details = asRecord((await requestJson(`${sandbox.baseUrl}/v1/Invoices/${String(item.invoiceGuid)}/FinancialDetails`, { headers })).body);
          const purchase = asRecord(details.purchaseInformation);
          if (purchase.purchased !== true) continue;
          add(purchase.purchaseDate, String(purchase.purchaseFeeCurrency), purchase.purchaseFeeAmount);
          if (purchase.recourseDate) add(purchase.recourseDate, String(purchase.recourseFeeCurrency), purchase.recourseFee);
        }
        if (page.length < 100) break;
      }
    }
  }
  return cost;
}
