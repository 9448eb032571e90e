import type { ProviderId } from '../domain/provider';
import type { BalancePart, Case, CaseInvoice, FinancingState, Invoice, InvoiceStatus, IsoDate } from '../domain/records';

/** One provider's invoice record, as compact as the join needs it. */
export type InvoiceFacts = Pick<
  Invoice,
  'id' | 'connectionId' | 'provider' | 'number' | 'issueDate' | 'dueDate' | 'currency' | 'total' | 'paid' | 'outstanding' | 'status' | 'financing'
> & {
  customerName: string | null;
  customerNumber: string | null;
  /** Record id of the invoice this one credits (see `creditedInvoiceOf`); null for an invoice. */
  credits: string | null;
};

/** A collection case, as much of it as says what is owed on its invoices. */
export interface CaseFacts {
  id: string;
  connectionId: string;
  provider: ProviderId;
  caseNumber: string;
  open: boolean;
  currency: string;
  invoices: readonly Pick<CaseInvoice, 'invoiceNumber' | 'invoiceDate' | 'dueDate' | 'capitalAmount' | 'capitalPaid' | 'interestAmount' | 'interestPaid'>[];
  costs: BalancePart;
  /** Who the agency says owes it; its name counts as the invoice's customer where it gives one. */
  debtor: Case['debtor'];
}

/** A factoring event that says a factor bought (or handed back) an invoice; it carries no balance. */
export interface FinancingFacts {
  id: string;
  connectionId: string;
  provider: ProviderId;
  invoiceNumber: string;
  currency: string;
  type: 'financed' | 'recourse';
}

/**
 * Who holds the claim, best first (the order `sourceRank` gives):
 *
 * | rank | role              | which source                                                          |
 * |------|-------------------|-----------------------------------------------------------------------|
 * | 1    | collection        | an open collection case listing the invoice (Confirma)               |
 * | 2    | factor            | a factor that bought it and has not handed it back: an Aptic record   |
 * |      |                   | with financing factored / factored with recourse; Vettig financed     |
 * | 3    | servicer          | the platform that services the ledger (Aptic, own ledger or recoursed)|
 * | 4    | issuer            | the invoicing system that issued it (Flowtly)                         |
 * | 5    | closed-collection | a collection case that is closed                                      |
 * | 6    | former-factor     | a factor that handed it back (Vettig recourse)                        |
 *
 * The standing source is the first that reports a balance. Vettig's factoring events carry none
 * (only what was financed), so a Vettig-financed invoice's amounts come from the next source.
 */
export type SourceRole = 'collection' | 'factor' | 'servicer' | 'issuer' | 'closed-collection' | 'former-factor';

export const sourceRank: Readonly<Record<SourceRole, number>> = {
  collection: 1,
  factor: 2,
  servicer: 3,
  issuer: 4,
  'closed-collection': 5,
  'former-factor': 6,
};

/** What role an invoice record of each provider plays; a new provider does not compile until placed. */
const invoiceRoleOf: Readonly<Record<ProviderId, (facts: Pick<InvoiceFacts, 'financing'>) => SourceRole>> = {
  flowtly: () => 'issuer',
  aptic: (facts) => (facts.financing === 'factored' || facts.financing === 'factored-with-recourse' ? 'factor' : 'servicer'),
  vettig: () => 'factor',
  confirma: () => 'collection',
};

/** Where an invoice record stands among the records of one real invoice (lower first), as the join ranks it. */
export function invoiceRank(record: Pick<InvoiceFacts, 'provider' | 'financing'>): number {
  return sourceRank[invoiceRoleOf[record.provider](record)];
}

/** What one source says about one invoice. Null where it does not say. */
export interface LedgerSource {
  /** The invoice record, case or event this comes from. */
  recordId: string;
  kind: 'invoice' | 'case' | 'financing';
  connectionId: string;
  provider: ProviderId;
  role: SourceRole;
  number: string;
  currency: string;
  customerName: string | null;
  customerNumber: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  total: number | null;
  paid: number | null;
  outstanding: number | null;
  status: InvoiceStatus | null;
  financing: FinancingState | null;
  /** Numbers of the credit notes already taken off this record's outstanding. */
  creditNotes: readonly string[];
}

/** Most sources have no credit note: one shared empty list, not one per source (a million at a million invoices). */
export const noCreditNotes: readonly string[] = Object.freeze([]);

export function invoiceSource(facts: InvoiceFacts): LedgerSource {
  return {
    recordId: facts.id,
    kind: 'invoice',
    connectionId: facts.connectionId,
    provider: facts.provider,
    role: invoiceRoleOf[facts.provider](facts),
    number: facts.number,
    currency: facts.currency,
    customerName: facts.customerName,
    customerNumber: facts.customerNumber,
    issueDate: facts.issueDate,
    dueDate: facts.dueDate,
    total: facts.total,
    paid: facts.paid,
    outstanding: facts.outstanding,
    status: facts.status,
    financing: facts.financing,
    creditNotes: noCreditNotes,
  };
}

/**
 * One invoice of a collection case. What is owed on it is its capital and interest outstanding;
 * a case's costs belong to the invoice only when the case holds just that one invoice (costs of a
 * case with several cannot be split, and stay on the case). The case gives no invoice total; its
 * customer is the debtor, where the case names one.
 */
export function caseSources(facts: CaseFacts): LedgerSource[] {
  const only = facts.invoices.length === 1;
  return facts.invoices.map((invoice) => {
    const costsOutstanding = only ? facts.costs.outstanding : 0;
    const outstanding = invoice.capitalAmount - invoice.capitalPaid + invoice.interestAmount - invoice.interestPaid + costsOutstanding;
    return {
      recordId: facts.id,
      kind: 'case',
      connectionId: facts.connectionId,
      provider: facts.provider,
      role: facts.open ? 'collection' : 'closed-collection',
      number: invoice.invoiceNumber,
      currency: facts.currency,
      customerName: facts.debtor.name,
      customerNumber: facts.debtor.number,
      issueDate: invoice.invoiceDate?.slice(0, 10) ?? null,
      dueDate: invoice.dueDate?.slice(0, 10) ?? null,
      total: null,
      paid: invoice.capitalPaid + invoice.interestPaid + (only ? facts.costs.paid : 0),
      outstanding,
      status: facts.open ? 'in-collection' : outstanding > 0 ? 'closed' : 'paid',
      financing: null,
      creditNotes: noCreditNotes,
    };
  });
}

/** A factor's say: it holds the invoice (financed) or handed it back (recourse); no amounts. */
export function financingSource(events: readonly FinancingFacts[]): LedgerSource | null {
  const first = events[0];
  if (!first) return null;
  const recoursed = events.some((event) => event.type === 'recourse');
  return {
    recordId: first.id,
    kind: 'financing',
    connectionId: first.connectionId,
    provider: first.provider,
    role: recoursed ? 'former-factor' : 'factor',
    number: first.invoiceNumber,
    currency: first.currency,
    customerName: null,
    customerNumber: null,
    issueDate: null,
    dueDate: null,
    total: null,
    paid: null,
    outstanding: null,
    status: null,
    financing: recoursed ? 'recoursed' : 'factored',
    creditNotes: noCreditNotes,
  };
}
