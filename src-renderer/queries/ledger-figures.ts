import type { LedgerEntry } from '../../src-shared/ledger/join-ledger';
import type { AgingFigures } from './dashboard-figures';
import type { CurrencyTotals } from './invoice-filter';
import type { InvoiceRow } from './invoice-row';
import { LedgerSums } from './ledger-sums';

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
  const sums = new LedgerSums(today);
  for (const entry of joined) {
    if (typeof entry === 'number') {
      const row = records[entry]!;
      sums.add(row.currency, row.total, row.outstanding, row.status, row.dueDate, 0);
    } else sums.add(entry.currency, entry.total, entry.outstanding, entry.status, entry.dueDate, entry.problems.length);
  }
  return { totals: sums.totals(), aging: sums.aging(), withProblems: sums.withProblems };
}
