import type { InvoiceStatus } from '../../src-shared/domain/records';
import { agingBucketOfDue, agingBuckets, isAged, isOverdue, type AgingBucket } from '../../src-shared/ledger/invoice-status';
import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import { addMinor } from '../../src-shared/money/exact-sum';
import type { AgingFigures } from './dashboard-figures';
import type { CurrencyTotals } from './invoice-filter';
import type { InvoiceRow } from './invoice-row';

/** What the Dashboard shows of the ledger: `totalsByCurrency`, `agingByCurrency` and how many entries have problems. */
export interface LedgerFigures {
  totals: CurrencyTotals[];
  aging: AgingFigures[];
  withProblems: number;
}

/**
 * The ledger's figures from the join's answer (`joinLedgerCompact` over `records`), the same as
 * `totalsByCurrency` and `agingByCurrency` of the ledger's rows give, without those rows: an
 * invoice record that is its invoice's only source (an index) counts with its own figures, which
 * its entry and its row repeat (`aloneEntry`, `entryRow`). One pass, a few numbers per currency:
 * at 100,000 invoices the general per-currency sums over the rows were ~15% of an app start's
 * CPU profile, and the Dashboard waited for the rows too.
 */
export function ledgerFiguresOf(joined: readonly (number | LedgerEntry)[], records: readonly InvoiceRow[], today: string): LedgerFigures {
  const sums = new FigureSums(today);
  for (const entry of joined) {
    if (typeof entry === 'number') {
      const row = records[entry]!;
      sums.add(row.currency, row.total, row.outstanding, row.status, row.dueDate, 0);
    } else sums.add(entry.currency, entry.total, entry.outstanding, entry.status, entry.dueDate, entry.problems.length);
  }
  return sums.figures();
}

interface CurrencyFigures extends Omit<CurrencyTotals, 'currency'> {
  aged: boolean;
  bucketCounts: number[];
  bucketOutstanding: number[];
}

/** `totalsByCurrency` and `agingByCurrency` in one pass, a few numbers per currency and each due date's bucket once. */
class FigureSums {
  private readonly byCurrency = new Map<string, CurrencyFigures>();
  private readonly bucketOfDue = new Map<string | null, AgingBucket>();
  private withProblems = 0;

  constructor(private readonly today: string) {}

  add(currency: string, total: number, outstanding: number, status: InvoiceStatus, dueDate: string | null, problems: number): void {
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
    if (!isAged({ outstanding, status })) return;
    let bucket = this.bucketOfDue.get(dueDate);
    if (bucket === undefined) this.bucketOfDue.set(dueDate, (bucket = agingBucketOfDue(dueDate, this.today)));
    const at = agingBuckets.indexOf(bucket);
    sums.aged = true;
    sums.bucketCounts[at]! += 1;
    sums.bucketOutstanding[at] = addMinor(sums.bucketOutstanding[at]!, outstanding);
  }

  figures(): LedgerFigures {
    // Currencies alphabetically, as `CurrencySums` gives them.
    const currencies = [...this.byCurrency.keys()].sort();
    const of = (currency: string) => this.byCurrency.get(currency)!;
    return {
      totals: currencies.map((currency) => {
        const { count, total, outstanding, overdue, overdueCount } = of(currency);
        return { currency, count, total, outstanding, overdue, overdueCount };
      }),
      aging: currencies
        .filter((currency) => of(currency).aged)
        .map((currency) => {
          const { bucketCounts, bucketOutstanding } = of(currency);
          return {
            currency,
            buckets: Object.fromEntries(agingBuckets.map((bucket, at) => [bucket, { count: bucketCounts[at]!, outstanding: bucketOutstanding[at]! }])) as AgingFigures['buckets'],
          };
        }),
      withProblems: this.withProblems,
    };
  }
}
