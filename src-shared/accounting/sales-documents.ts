import type { FinancingState, IsoDate } from '../domain/records';
import { ledgerKey } from '../ledger/invoice-identity';
import type { LedgerEntry } from '../ledger/join-ledger';
import type { InvoiceFacts } from '../ledger/ledger-source';
import type { VatSplit } from './booking-rules';

/**
 * One invoice or credit note as the journal books its sale: once, however many providers see it,
 * dated by its issue date, at its gross total. Providers' own "invoiced" and "credited" events are
 * not the source: only some providers send them (Aptic does, Flowtly does not), and a second
 * provider seeing the same invoice would book it twice.
 */
export interface SalesDocument {
  /** `ledgerKey(number, currency)`: what a provider's invoiced or credited event is matched by. */
  key: string;
  /** The invoice record booked (the ledger entry's best-ranked record, or the credit note's own). */
  recordId: string;
  connectionId: string;
  type: 'invoiced' | 'credited';
  number: string;
  issueDate: IsoDate;
  currency: string;
  /** Gross, positive in the direction `type` names (a credit note's total is taken as its size). */
  amount: number;
  customer: string | null;
  financing: FinancingState;
  /** Net and VAT per rate of the record, null while its lines are not known. */
  vatByRate: VatSplit;
  /** Set when `vatByRate` is null because the sync has not fetched the VAT yet (`Invoice.vatPending`). */
  vatPending?: true;
}

/**
 * Net and VAT per rate of an invoice record as its provider signs them (a credit note's may be
 * negative); null when the record carries none; `pending` when the sync has not fetched it yet.
 */
export type VatOf = (recordId: string) => VatSplit | 'pending';

/** A document's split, or why it has none: pending when no record has one and a record's is not fetched yet. */
type Split = { vatByRate: VatSplit; vatPending?: true };

function splitOf(splits: Iterable<VatSplit | 'pending'>): Split {
  let pending = false;
  for (const split of splits) {
    if (split === 'pending') pending = true;
    else if (split !== null) return { vatByRate: sized(split) };
  }
  return pending ? { vatByRate: null, vatPending: true } : { vatByRate: null };
}

/** Lines as sizes in the direction of the document's type: a credit note whose rows are negative is turned round. */
function sized(split: VatSplit): VatSplit {
  if (split === null || split.reduce((sum, line) => sum + line.net + line.vat, 0) >= 0) return split;
  return split.map((line) => ({ rate: line.rate, net: -line.net, vat: -line.vat }));
}

/** The split of the best-ranked invoice record that has one: one provider may have the lines, another not. */
function firstSplit(entry: LedgerEntry, vatOf: VatOf): Split {
  return splitOf(entry.sources.flatMap((source) => (source.kind === 'invoice' ? [vatOf(source.recordId)] : [])));
}

/**
 * The sales of every ledger entry (an entry with a negative total is a credit note of its own,
 * as Aptic lists credit invoices), plus the credit notes the ledger folded into what they credit
 * (Flowtly's, linked by `credits`). A draft is not a sale: not sent, nothing booked. A document without an issue date cannot be dated: left out,
 * so a provider's own event for it is booked instead.
 */
export function salesDocuments(entries: readonly LedgerEntry[], invoices: readonly InvoiceFacts[], vatOf: VatOf): SalesDocument[] {
  const documents = new Map<string, SalesDocument>();
  for (const entry of entries) {
    if (entry.issueDate === null || entry.total === 0 || entry.status === 'draft') continue;
    documents.set(entry.key, {
      key: entry.key,
      recordId: entry.id,
      connectionId: entry.connectionId,
      type: entry.total < 0 ? 'credited' : 'invoiced',
      number: entry.number,
      issueDate: entry.issueDate,
      currency: entry.currency,
      amount: Math.abs(entry.total),
      customer: entry.customerName ?? entry.customerNumber,
      financing: entry.financing,
      ...firstSplit(entry, vatOf),
    });
  }
  for (const note of invoices) {
    const key = ledgerKey(note.number, note.currency);
    if (note.credits === null || note.issueDate === null || note.total === 0 || note.status === 'draft' || documents.has(key)) continue;
    documents.set(key, {
      key,
      recordId: note.id,
      connectionId: note.connectionId,
      type: 'credited',
      number: note.number,
      issueDate: note.issueDate,
      currency: note.currency,
      amount: Math.abs(note.total),
      customer: note.customerName ?? note.customerNumber,
      financing: note.financing,
      ...splitOf([vatOf(note.id)]),
    });
  }
  return [...documents.values()];
}
