import type { FinancingState, InvoiceStatus, IsoDate } from '../domain/records';
import { statusOn } from './invoice-status';
import { customerKeysByName, ledgerKey, type customerKey } from './invoice-identity';
import {
  caseSources,
  financingSource,
  invoiceSource,
  sourceRank,
  type CaseFacts,
  type FinancingFacts,
  type InvoiceFacts,
  type LedgerSource,
} from './ledger-source';
import { sourceDisagreements, type SourceDisagreement } from './source-disagreements';

/**
 * One real invoice, however many connections see it. Its figures are the standing source's (see
 * `SourceRole` for the order); a field the standing source leaves open (a collection case gives no
 * invoice total, no customer) comes from the next source that states it.
 */
export interface LedgerEntry {
  /** `ledgerKey(number, currency)`. */
  key: string;
  /** The record to open for it: the best-ranked invoice record, else the case. */
  id: string;
  number: string;
  currency: string;
  standing: LedgerSource;
  /** Every source, best-ranked first (the standing one included). */
  sources: LedgerSource[];
  connectionId: string;
  provider: LedgerSource['provider'];
  customerName: string | null;
  customerNumber: string | null;
  /** Who it is to, the same rule for every provider (`customerKey`); the Customers screen groups by it. */
  customerKey: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  total: number;
  paid: number;
  outstanding: number;
  status: InvoiceStatus;
  financing: FinancingState;
  problems: readonly SourceDisagreement[];
}

export interface LedgerInput {
  invoices: readonly InvoiceFacts[];
  cases: readonly CaseFacts[];
  financing: readonly FinancingFacts[];
}

/** Within one rank a record with a balance before a case, before bare factoring events; then by id, so the order is stable. */
const kindOrder: Readonly<Record<LedgerSource['kind'], number>> = { invoice: 0, case: 1, financing: 2 };
const byRank = (a: LedgerSource, b: LedgerSource) =>
  sourceRank[a.role] - sourceRank[b.role] ||
  kindOrder[a.kind] - kindOrder[b.kind] ||
  (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0);

/** Every invoice once: the sources grouped by `ledgerKey`, credit notes taken off what they credit. */
export function joinLedger(input: LedgerInput, today: string): LedgerEntry[] {
  const invoiceSources = new Map<string, LedgerSource>();
  for (const facts of input.invoices) invoiceSources.set(facts.id, invoiceSource(facts));
  for (const facts of input.invoices) {
    const credited = facts.credits === null ? undefined : invoiceSources.get(facts.credits);
    if (!credited || credited.currency !== facts.currency || credited.outstanding === null) continue;
    credited.outstanding -= Math.abs(facts.total);
    credited.creditNotes = [...credited.creditNotes, facts.number];
    invoiceSources.delete(facts.id);
  }
  const groups = new Map<string, LedgerSource[]>();
  const add = (source: LedgerSource) => {
    const key = ledgerKey(source.number, source.currency);
    const group = groups.get(key);
    if (group) group.push(source);
    else groups.set(key, [source]);
  };
  for (const source of invoiceSources.values()) {
    if (source.status !== null && source.outstanding !== null) {
      const said = source.creditNotes.length > 0 && source.outstanding <= 0 ? 'credited' : source.status;
      source.status = statusOn(said, { outstanding: source.outstanding, dueDate: source.dueDate }, today);
    }
    add(source);
  }
  for (const facts of input.cases) caseSources(facts).forEach(add);
  const financing = new Map<string, FinancingFacts[]>();
  for (const event of input.financing) {
    const key = `${event.connectionId} ${ledgerKey(event.invoiceNumber, event.currency)}`;
    financing.set(key, [...(financing.get(key) ?? []), event]);
  }
  for (const events of financing.values()) {
    const source = financingSource(events);
    if (source) add(source);
  }

  const entries: LedgerEntry[] = [];
  const keyOfCustomer = customerKeysByName();
  for (const [key, sources] of groups) {
    sources.sort(byRank);
    const standing = sources.find((source) => source.outstanding !== null);
    // A factor's events alone say nothing of what is owed: no entry (see `SourceRole`).
    if (!standing) continue;
    entries.push(entryOf(key, standing, sources, keyOfCustomer));
  }
  return entries;
}

function entryOf(key: string, standing: LedgerSource, sources: LedgerSource[], keyOfCustomer: typeof customerKey): LedgerEntry {
  const first = <T>(pick: (source: LedgerSource) => T | null): T | null => {
    const own = pick(standing);
    if (own !== null) return own;
    for (const source of sources) {
      const value = pick(source);
      if (value !== null) return value;
    }
    return null;
  };
  const status = standing.status ?? 'open';
  const customerName = first((source) => source.customerName);
  const customerNumber = first((source) => source.customerNumber);
  const opened = sources.find((source) => source.kind === 'invoice') ?? standing;
  return {
    key,
    id: opened.recordId,
    number: opened.number,
    currency: standing.currency,
    standing,
    sources,
    connectionId: standing.connectionId,
    provider: standing.provider,
    customerName,
    customerNumber,
    customerKey: keyOfCustomer({ name: customerName, number: customerNumber }),
    issueDate: first((source) => source.issueDate),
    dueDate: first((source) => source.dueDate),
    total: first((source) => source.total) ?? 0,
    paid: standing.paid ?? 0,
    outstanding: standing.outstanding ?? 0,
    status,
    financing: sources.find((source) => source.financing !== null && source.financing !== 'own-ledger')?.financing ?? 'own-ledger',
    problems: sourceDisagreements(sources, status),
  };
}
