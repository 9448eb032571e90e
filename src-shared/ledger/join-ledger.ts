import type { FinancingState, InvoiceStatus, IsoDate } from '../domain/records';
import { statusOn } from './invoice-status';
import { customerKey, customerKeysByName, ledgerKey, ledgerPlaces } from './invoice-identity';
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
  const keyOfCustomer = customerKeysByName();
  return joinLedgerCompact(input, today).map((entry) => (typeof entry === 'number' ? aloneEntry(input.invoices[entry]!, today, keyOfCustomer) : entry));
}

/**
 * The join's entries in ledger order, where an invoice record that is its invoice's only source
 * (no other record, case or factoring event has its key; it credits nothing and nothing credits
 * it) is its index in `input.invoices` instead of an entry: `aloneEntry` makes that entry when
 * asked. Nearly every invoice is such a record, and a source, an entry and a list of sources for
 * each was most of the join's time and, at a million cached, ~150 MB of the heap.
 * `joinLedger` is this with every index made an entry.
 */
export function joinLedgerCompact(input: LedgerInput, today: string): (number | LedgerEntry)[] {
  const { invoices } = input;
  const credited = creditsTaken(invoices);
  const sourceAt = (i: number): LedgerSource => {
    const source = credited.sources.get(i) ?? invoiceSource(invoices[i]!);
    if (source.status !== null && source.outstanding !== null) {
      const said = source.creditNotes.length > 0 && source.outstanding <= 0 ? 'credited' : source.status;
      source.status = statusOn(said, { outstanding: source.outstanding, dueDate: source.dueDate }, today);
    }
    return source;
  };
  // Per ledger key (its place), in the order first seen: a key's one record as its index until a second source joins it.
  const placeOf = ledgerPlaces();
  const groups: (number | LedgerSource[])[] = [];
  const add = (source: LedgerSource) => {
    const place = placeOf(source.number, source.currency);
    const group = place < groups.length ? groups[place]! : undefined;
    if (group === undefined) groups.push([source]);
    else if (typeof group === 'number') groups[place] = [sourceAt(group), source];
    else group.push(source);
  };
  for (let i = 0; i < invoices.length; i++) {
    if (credited.removed.has(i)) continue;
    const facts = invoices[i]!;
    if (facts.credits === null && !credited.sources.has(i)) {
      const place = placeOf(facts.number, facts.currency);
      const group = place < groups.length ? groups[place]! : undefined;
      if (group === undefined) groups.push(i);
      else if (typeof group === 'number') groups[place] = [sourceAt(group), sourceAt(i)];
      else group.push(sourceAt(i));
    } else add(sourceAt(i));
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

  const entries: (number | LedgerEntry)[] = [];
  const keyOfCustomer = customerKeysByName();
  for (const sources of groups) {
    if (typeof sources === 'number') {
      entries.push(sources);
      continue;
    }
    // Every source of a group has its key: the first's is the group's.
    const key = ledgerKey(sources[0]!.number, sources[0]!.currency);
    sources.sort(byRank);
    const standing = sources.find((source) => source.outstanding !== null);
    // A factor's events alone say nothing of what is owed: no entry (see `SourceRole`).
    if (!standing) continue;
    entries.push(entryOf(key, standing, sources, keyOfCustomer));
  }
  return entries;
}

/** The entry of an invoice record that is its invoice's only source (an index `joinLedgerCompact` gives). */
export function aloneEntry(facts: InvoiceFacts, today: string, keyOfCustomer: typeof customerKey = customerKey): LedgerEntry {
  const source = invoiceSource(facts);
  if (source.status !== null && source.outstanding !== null) {
    source.status = statusOn(source.status, { outstanding: source.outstanding, dueDate: source.dueDate }, today);
  }
  return entryOf(ledgerKey(facts.number, facts.currency), source, [source], keyOfCustomer);
}

/**
 * Linked credit notes taken off what they credit, in input order: the credited records' sources
 * (by index, their outstanding reduced) and the notes taken (`removed`). No map of every record
 * unless some record credits another. Each record once (ids unique), as the cache's load gives them.
 */
function creditsTaken(invoices: readonly InvoiceFacts[]): { sources: Map<number, LedgerSource>; removed: Set<number> } {
  const sources = new Map<number, LedgerSource>();
  const removed = new Set<number>();
  if (!invoices.some((facts) => facts.credits !== null)) return { sources, removed };
  const indexOf = new Map<string, number>();
  invoices.forEach((facts, i) => indexOf.set(facts.id, i));
  invoices.forEach((facts, i) => {
    const at = facts.credits === null ? undefined : indexOf.get(facts.credits);
    // A note taken off another cannot be credited itself.
    if (at === undefined || removed.has(at) || invoices[at]!.currency !== facts.currency) return;
    let credited = sources.get(at);
    if (!credited) sources.set(at, (credited = invoiceSource(invoices[at]!)));
    credited.outstanding = (credited.outstanding ?? 0) - Math.abs(facts.total);
    credited.creditNotes = [...credited.creditNotes, facts.number];
    removed.add(i);
  });
  return { sources, removed };
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
