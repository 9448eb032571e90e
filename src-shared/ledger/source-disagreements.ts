import type { InvoiceStatus } from '../domain/records';
import { customerKey } from './invoice-identity';
import type { LedgerSource } from './ledger-source';

export type DisagreementField = 'total' | 'outstanding' | 'due-date' | 'status' | 'customer';

/** Sources of one invoice that say different things about one field: a reconciliation problem. */
export interface SourceDisagreement {
  field: DisagreementField;
  says: { source: LedgerSource; value: string | number }[];
}

const none: readonly SourceDisagreement[] = Object.freeze([]);

/**
 * Where the sources of one invoice contradict each other. Each field is compared among the sources
 * that state it. Outstanding is compared between invoice records only, and not while a collection
 * agency holds the invoice: the agency adds interest and costs the issuer never sees, by design.
 */
export function sourceDisagreements(sources: readonly LedgerSource[], status: InvoiceStatus): readonly SourceDisagreement[] {
  // Most invoices have one source, which cannot disagree with itself: the join runs this for every
  // one, and one shared empty list is not a million of them.
  if (sources.length < 2) return none;
  const problems: SourceDisagreement[] = [];
  const compare = (field: DisagreementField, value: (source: LedgerSource) => string | number | null, among = sources) => {
    const says = among.flatMap((source) => {
      const said = value(source);
      return said === null ? [] : [{ source, value: said }];
    });
    if (new Set(says.map((say) => say.value)).size > 1) problems.push({ field, says });
  };
  compare('total', (source) => source.total);
  if (status !== 'in-collection') compare('outstanding', (source) => source.outstanding, sources.filter((source) => source.kind === 'invoice'));
  compare('due-date', (source) => source.dueDate);
  compare('status', (source) => source.status);
  compare('customer', (source) => (source.customerName === null ? null : customerKey({ name: source.customerName, number: null })));
  return problems.length === 0 ? none : problems;
}
