import Dexie from 'dexie';
import { addMinor } from '../../src-shared/money/exact-sum';
import type { CacheDatabase } from '../db/cache-database';
import type { AgingBucket } from '../../src-shared/ledger/invoice-status';
import type { InvoiceRow } from './invoice-row';
import { LedgerSums } from './ledger-sums';

export interface AgingFigures {
  currency: string;
  buckets: Record<AgingBucket, { count: number; outstanding: number }>;
}

/** Outstanding money per currency by days past due. Exact integer sums. */
export function agingByCurrency(rows: readonly Pick<InvoiceRow, 'currency' | 'total' | 'outstanding' | 'status' | 'dueDate'>[], today: string): AgingFigures[] {
  const sums = new LedgerSums(today);
  for (const row of rows) sums.add(row.currency, row.total, row.outstanding, row.status, row.dueDate);
  return sums.aging();
}

export interface MonthlyCost {
  /** YYYY-MM */
  month: string;
  currency: string;
  net: number;
  vat: number;
  total: number;
}

/** What factoring cost per month: the charges (fees) with their VAT, per currency, oldest month first. */
export async function financingCostByMonth(db: CacheDatabase): Promise<MonthlyCost[]> {
  const charges = await db.events.where('[type+date]').between(['charge', Dexie.minKey], ['charge', Dexie.maxKey]).toArray();
  const byMonth = new Map<string, MonthlyCost>();
  for (const charge of charges) {
    const month = charge.date.slice(0, 7);
    const key = `${month} ${charge.currency}`;
    let cost = byMonth.get(key);
    if (!cost) byMonth.set(key, (cost = { month, currency: charge.currency, net: 0, vat: 0, total: 0 }));
    cost.total = addMinor(cost.total, charge.amount);
    cost.net = addMinor(cost.net, charge.net ?? charge.amount - (charge.vat ?? 0));
    cost.vat = addMinor(cost.vat, charge.vat ?? 0);
  }
  return [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.currency < b.currency ? -1 : 1));
}

export interface StageFigures {
  stage: string;
  count: number;
  outstanding: { currency: string; amount: number }[];
}

/** Collection cases that are still open, per stage, with what they still hold per currency. */
export async function casesByStage(db: CacheDatabase): Promise<StageFigures[]> {
  const byStage = new Map<string, { count: number; outstanding: Map<string, number> }>();
  await db.cases.each((item) => {
    if (item.closedAt) return;
    const stage = item.stage ?? item.status;
    let figures = byStage.get(stage);
    if (!figures) byStage.set(stage, (figures = { count: 0, outstanding: new Map() }));
    figures.count += 1;
    figures.outstanding.set(item.currency, addMinor(figures.outstanding.get(item.currency) ?? 0, item.balance.totalOutstanding));
  });
  return [...byStage.entries()]
    .map(([stage, figures]) => ({
      stage,
      count: figures.count,
      outstanding: [...figures.outstanding.entries()].sort().map(([currency, amount]) => ({ currency, amount })),
    }))
    .sort((a, b) => b.count - a.count || (a.stage < b.stage ? -1 : 1));
}
