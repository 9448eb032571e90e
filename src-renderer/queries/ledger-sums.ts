import type { InvoiceStatus } from '../../src-shared/domain/records';
import { agingBucketOfDue, agingBuckets, isAged, isOverdue, type AgingBucket } from '../../src-shared/ledger/invoice-status';
import { addMinor } from '../../src-shared/money/exact-sum';
import type { AgingFigures } from './dashboard-figures';
import type { CurrencyTotals } from './invoice-filter';

interface CurrencyFigures extends Omit<CurrencyTotals, 'currency'> {
  aged: boolean;
  bucketCounts: number[];
  bucketOutstanding: number[];
}

/**
 * The ledger's per-currency figures, added up once for every screen that shows them: the totals
 * (count, total, outstanding, overdue) and, given `today`, the ageing of what is still owed. The
 * Dashboard, the Customers screen and the tests' references all add through this, so one rule
 * (`isOverdue`, `isAged`, `agingBucketOfDue`) makes every such figure. Exact: `addMinor` refuses
 * a sum that would round. A few numbers per currency and each due date's bucket worked out once,
 * with no object per row: at 100,000 invoices the general `CurrencySums` was ~15% of an app
 * start's CPU profile.
 */
export class LedgerSums {
  private readonly byCurrency = new Map<string, CurrencyFigures>();
  private readonly bucketOfDue = new Map<string | null, number>();
  /** How many of the added entries have problems. */
  withProblems = 0;

  /** Without `today`, nothing is aged: only the totals are asked for. */
  constructor(private readonly today: string | null = null) {}

  add(currency: string, total: number, outstanding: number, status: InvoiceStatus, dueDate: string | null, problems = 0): void {
    let sums = this.byCurrency.get(currency);
    if (!sums) {
      const zeros = () => agingBuckets.map(() => 0);
      this.byCurrency.set(currency, (sums = { count: 0, total: 0, outstanding: 0, overdue: 0, overdueCount: 0, aged: false, bucketCounts: zeros(), bucketOutstanding: zeros() }));
    }
    sums.count += 1;
    sums.total = addMinor(sums.total, total);
    sums.outstanding = addMinor(sums.outstanding, outstanding);
    if (isOverdue({ status })) {
      sums.overdue = addMinor(sums.overdue, outstanding);
      sums.overdueCount += 1;
    }
    if (problems > 0) this.withProblems += 1;
    if (this.today === null || !isAged({ outstanding, status })) return;
    let at = this.bucketOfDue.get(dueDate);
    if (at === undefined) this.bucketOfDue.set(dueDate, (at = agingBuckets.indexOf(agingBucketOfDue(dueDate, this.today))));
    sums.aged = true;
    sums.bucketCounts[at]! += 1;
    sums.bucketOutstanding[at] = addMinor(sums.bucketOutstanding[at]!, outstanding);
  }

  /** Per currency, alphabetically, so totals come in the same order every time. */
  totals(): CurrencyTotals[] {
    return this.currencies().map(([currency, { count, total, outstanding, overdue, overdueCount }]) => ({ currency, count, total, outstanding, overdue, overdueCount }));
  }

  /** Per currency that has anything aged, alphabetically. */
  aging(): AgingFigures[] {
    return this.currencies()
      .filter(([, sums]) => sums.aged)
      .map(([currency, { bucketCounts, bucketOutstanding }]) => ({
        currency,
        buckets: Object.fromEntries(agingBuckets.map((bucket: AgingBucket, at) => [bucket, { count: bucketCounts[at]!, outstanding: bucketOutstanding[at]! }])) as AgingFigures['buckets'],
      }));
  }

  private currencies(): [string, CurrencyFigures][] {
    return [...this.byCurrency].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
