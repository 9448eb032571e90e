import type { ProviderId } from './provider';
import type { RecordProblem } from './record-problem';

/**
 * What every synced record carries: `id` is `<connectionId>/<providerRef>`, unique across
 * connections; `providerRef` is the provider's own id; `raw` keeps the provider fields a
 * user might need (flat, JSON-safe) so nothing the provider said is lost.
 */
export interface RecordBase {
  id: string;
  connectionId: string;
  provider: ProviderId;
  providerRef: string;
  raw: RawFields;
}

export type RawValue = string | number | boolean | null;
export type RawFields = Record<string, RawValue>;

/** YYYY-MM-DD, or null when the provider did not say. */
export type IsoDate = string;

export type InvoiceStatus =
  | 'draft'
  | 'open'
  | 'overdue'
  | 'paid'
  | 'credited'
  | 'disputed'
  | 'in-collection'
  | 'closed'
  | 'written-off';

/** `unknown`: the provider sent a financing state Reskontra does not know (kept in `providerFinancing`) or none. */
export type FinancingState = 'own-ledger' | 'factored' | 'factored-with-recourse' | 'recoursed' | 'unknown';

/** Amounts are integer minor units of `currency`. */
export interface Invoice extends RecordBase {
  kind: 'invoice';
  number: string;
  customer: { name: string | null; number: string | null };
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  currency: string;
  total: number;
  paid: number;
  outstanding: number;
  status: InvoiceStatus;
  financing: FinancingState;
  /** The provider's own financing value when `financing` is `unknown` (shown as "Unknown (value)"). */
  providerFinancing?: string;
  /**
   * Net and VAT per VAT rate, from the provider's invoice rows (one line per rate, in rising
   * rate order). Null or absent: VAT unknown (the provider sends no rows, or a row could not be read).
   */
  vatLines?: VatLine[] | null;
  /**
   * Hash of the provider's list entry this record was read from, set where a per-invoice detail
   * call gives `vatLines`: the next sync fetches that detail again only when the hash differs.
   */
  listHash?: string;
  /**
   * Set while the invoice's VAT is not yet read (the list is committed first, the VAT after it):
   * the opaque `sync.details` request that reads it. `vatLines` is then absent, and every
   * statement treats the VAT as unknown until the sync's VAT step fills it in and clears this.
   */
  vatPending?: string;
  /**
   * Set while the events of the invoice's per-invoice details (Aptic's transactions and financial
   * details) are to be read again: its list entry differs from the one its cached events were
   * read at. The opaque `sync.details` request of the details stream; the sync's details step
   * reads them and clears this (src-renderer/sync/drain-pending-details.ts).
   */
  detailsPending?: string;
}

/** An invoice's sales at one VAT rate: `rate` in basis points (2500 = 25 %), `net` and `vat` in minor units. */
export interface VatLine {
  rate: number;
  net: number;
  vat: number;
}

/**
 * What moved. Amounts are positive in the direction the type names (a payment of 100 is
 * +100, a reversed payment -100), whatever sign convention the provider uses.
 */
export type LedgerEventType =
  | 'invoiced'
  | 'credited'
  | 'interest'
  | 'fee'
  | 'financed'
  | 'charge'
  | 'payout'
  | 'recourse'
  | 'recourse-payment'
  | 'payment'
  | 'settlement-allocation'
  /** A type Reskontra does not know; the provider's word is in `providerType`. Never fatal. */
  | 'unknown';

/** Split of a settlement allocation (Confirma) into what it paid off. */
export interface AllocationBreakdown {
  capital: number;
  interest: number;
  fees: number;
}

/** A dated money movement. `net` + `vat` are set for charges, `breakdown` for allocations. */
export interface LedgerEvent extends RecordBase {
  kind: 'ledger-event';
  type: LedgerEventType;
  date: IsoDate;
  currency: string;
  amount: number;
  /** Invoice number as the provider wrote it; null for movements not tied to one (a payout). */
  invoiceNumber: string | null;
  /** Record id of the invoice in the same connection, when the provider links it. */
  invoiceId: string | null;
  description: string | null;
  net: number | null;
  vat: number | null;
  breakdown: AllocationBreakdown | null;
  /** Collection case id (Confirma) when the movement belongs to one. */
  caseRef: string | null;
  /** The provider's own type when `type` is `unknown` (shown as "Unknown (value)"). */
  providerType?: string;
  /** As an invoice's `listHash`, on the events a per-invoice detail call gives (Aptic's invoice details). */
  listHash?: string;
}

export type Payment = LedgerEvent & { type: 'payment' };
export type SettlementAllocation = LedgerEvent & { type: 'settlement-allocation'; breakdown: AllocationBreakdown };

export interface BalancePart {
  amount: number;
  paid: number;
  outstanding: number;
}

export interface CaseInvoice {
  invoiceNumber: string;
  reference: string | null;
  invoiceDate: string | null;
  dueDate: string | null;
  capitalAmount: number;
  capitalPaid: number;
  interestAmount: number;
  interestPaid: number;
  interestRate: number | null;
  distributionChannel: string | null;
  timeline: { type: string; occurredAt: string | null }[];
}

export interface CasePayment {
  invoiceNumber: string | null;
  bankPaymentDate: string | null;
  allocatedAt: string | null;
  amount: number;
  currency: string;
  description: string | null;
  method: string | null;
  status: string | null;
}

export interface CaseEntry {
  kind: 'event' | 'action' | 'note';
  title: string;
  text: string | null;
  state: number | null;
  occurredAt: string | null;
}

/** A collection case. */
export interface Case extends RecordBase {
  kind: 'case';
  caseNumber: string;
  status: string;
  stage: string | null;
  agency: string | null;
  creditor: string | null;
  /**
   * Who owes the money, as the agency names it; null parts where it does not say. Confirma's case
   * document names no debtor (see src-main/providers/README.md): screens then name the customer
   * the ledger knows for the case's invoices. Cases cached before this field lack it until the
   * next sync rewrites them (`CachedCase`).
   */
  debtor: { name: string | null; number: string | null };
  openedAt: string | null;
  closedAt: string | null;
  currency: string;
  balance: {
    capital: BalancePart;
    interest: BalancePart;
    costs: BalancePart;
    totalOutstanding: number;
    asOf: string | null;
  };
  invoices: CaseInvoice[];
  payments: CasePayment[];
  entries: CaseEntry[];
}

export type SyncRecord = Invoice | LedgerEvent | Case;

/**
 * A record of a page that could not be normalised (no id, an amount that is not a number…):
 * kept beside the page's records with the provider's JSON and why, never failing the page.
 * `reason` has passed the connection's redactor; `json` is capped at `quarantineJsonLimit`.
 */
export interface QuarantinedRecord {
  providerRef: string | null;
  kind: SyncRecord['kind'];
  /** Why, in English: what a screen shows when there is no `problem` (a cache from an older version). */
  reason: string;
  /** Why, as a code the screens translate; absent where no code names it. */
  problem?: RecordProblem;
  json: string;
}

export const quarantineJsonLimit = 8_000;

export function recordId(connectionId: string, providerRef: string): string {
  return `${connectionId}/${providerRef}`;
}
