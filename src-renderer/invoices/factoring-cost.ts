import type { LedgerEvent } from '../../src-shared/domain/records';
import { addMinor } from '../../src-shared/money/exact-sum';

/** What factoring one invoice cost, in one currency. */
export interface FactoringCost {
  currency: string;
  /** What the factoring company financed (bought) it for. */
  financed: number;
  /** Its charges (fees): net of VAT, the VAT, and both. */
  net: number;
  vat: number;
  total: number;
  /** Net charges over the amount financed, as a fraction (0.0125 = 1.25 %); null when nothing was financed. */
  rate: number | null;
}

/**
 * The cost of factoring an invoice from its events: its charges against what was financed, per
 * currency. Net, because the VAT on factoring fees is usually deducted; the VAT is shown beside it.
 * An invoice with neither financing nor charges has no factoring cost (an empty list).
 */
export function factoringCostOf(events: readonly Pick<LedgerEvent, 'type' | 'currency' | 'amount' | 'net' | 'vat'>[]): FactoringCost[] {
  const byCurrency = new Map<string, FactoringCost>();
  for (const event of events) {
    if (event.type !== 'financed' && event.type !== 'charge') continue;
    let cost = byCurrency.get(event.currency);
    if (!cost) byCurrency.set(event.currency, (cost = { currency: event.currency, financed: 0, net: 0, vat: 0, total: 0, rate: null }));
    if (event.type === 'financed') {
      cost.financed = addMinor(cost.financed, event.amount);
    } else {
      cost.total = addMinor(cost.total, event.amount);
      cost.vat = addMinor(cost.vat, event.vat ?? 0);
      cost.net = addMinor(cost.net, event.net ?? event.amount - (event.vat ?? 0));
    }
  }
  return [...byCurrency.values()]
    .map((cost) => ({ ...cost, rate: cost.financed > 0 ? cost.net / cost.financed : null }))
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
