import type { LedgerEventType } from '../domain/records';

/**
 * The one sign convention of every statement and journal, from the business's point of view:
 * money in (or a claim the business gains) is positive, money out and costs are negative.
 * Event amounts are stored positive in the direction their type names (records.ts), so an
 * event's signed amount is its amount times the sign of its type. A Record over every type:
 * a new event type does not compile until its sign is written here. The key order is the order
 * statements list their sums in: the customer's movements, then the factoring company's.
 */
export const eventSigns: Readonly<Record<LedgerEventType, 1 | -1>> = {
  /** The customer owes the business the invoice: a receivable gained. */
  invoiced: 1,
  /** A credit note takes part of that back. */
  credited: -1,
  /** The customer paid. */
  payment: 1,
  /** A collection agency paid a collected amount over to the business. */
  'settlement-allocation': 1,
  /** Interest the customer owes the business. */
  interest: 1,
  /** A reminder or collection fee the customer owes the business. */
  fee: 1,
  /** The factoring company bought the invoice: financing received. */
  financed: 1,
  /** The factoring company's fees, VAT included: a cost. */
  charge: -1,
  /** The factoring company paid the business. */
  payout: 1,
  /** The factoring company handed the invoice back: the financing is owed back. */
  recourse: -1,
  /** The business paid the recourse back to the factoring company. */
  'recourse-payment': -1,
  /**
   * A type Reskontra does not know (shown as "Unknown (<provider's word>)"): its amount stays as
   * the provider sent it, since which way the money went is exactly what is not known.
   */
  unknown: 1,
};

/** `amount` (positive in its type's direction) with the business's sign. */
export function signedAmount(type: LedgerEventType, amount: number): number {
  // `0 *` would give -0 for a negative sign; an amount of zero stays plain zero.
  return amount === 0 ? 0 : eventSigns[type] * amount;
}

/** The same for an optional figure (a charge's net or VAT). */
export function signedFigure(type: LedgerEventType, amount: number | null): number | null {
  return amount === null ? null : signedAmount(type, amount);
}
