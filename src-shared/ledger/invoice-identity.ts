import type { RawFields } from '../domain/records';
import { recordId } from '../domain/records';

/**
 * The seller's invoice number as the ledger compares it: trimmed, inner white space removed and
 * upper-cased ("inv 12 " and "INV12" are one invoice; providers differ in case and spacing, never
 * in the digits). Leading zeros are kept: in a padded series "0123" and "123" can be two invoices,
 * and no provider here pads.
 */
export function normaliseInvoiceNumber(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}

/** One real invoice: the same normalised number in the same currency, whichever connection sees it. */
export function ledgerKey(number: string, currency: string): string {
  return `${normaliseInvoiceNumber(number)} ${currency.toUpperCase()}`;
}

/**
 * Places by ledger key, numbered 0, 1, 2… in the order first asked: the same place for two
 * invoices exactly when `ledgerKey` gives them the same key, without making the key's text. A map
 * per currency (upper-cased) of the numbers as the ledger compares them, where a number that is
 * its own normal form (no white space, no lower case: nearly all) is its own key. Making and
 * hashing a key text per invoice was most of the join at 100,000 (the page's CPU profile).
 */
export function ledgerPlaces(): (number: string, currency: string) => number {
  const byCurrency = new Map<string, Map<string, number>>();
  let lastCurrency: string | undefined;
  let places = new Map<string, number>();
  let count = 0;
  return (number, currency) => {
    if (currency !== lastCurrency) {
      const upper = currency.toUpperCase();
      const known = byCurrency.get(upper);
      if (known) places = known;
      else byCurrency.set(upper, (places = new Map()));
      lastCurrency = currency;
    }
    const key = isNormalised(number) ? number : normaliseInvoiceNumber(number);
    let place = places.get(key);
    if (place === undefined) places.set(key, (place = count++));
    return place;
  };
}

/** Whether `normaliseInvoiceNumber` would leave a number as it is: ASCII without white space or lower case. */
function isNormalised(number: string): boolean {
  for (let i = 0; i < number.length; i++) {
    const code = number.charCodeAt(i);
    if (code <= 32 || (code >= 97 && code <= 122) || code >= 127) return false;
  }
  return true;
}

/**
 * Who the invoice is to, the same for every provider: the customer's name folded (case, accents
 * kept, white space collapsed), else `#<number>`. Names come first because customer numbers are
 * each provider's own (Flowtly's client id and Aptic's customer number differ for one customer).
 */
export function customerKey(customer: { name: string | null; number: string | null }): string | null {
  // toLowerCase, not toLocaleLowerCase('und'): the same root-locale mapping, ~70× faster in V8,
  // and this runs for every cached invoice record when the list loads.
  const name = customer.name?.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (name) return name;
  const number = customer.number?.trim();
  return number ? `#${number}` : null;
}

/** `customerKey`, remembered by name: 100,000 invoices name a few thousand customers, and folding a name costs. */
export function customerKeysByName(): typeof customerKey {
  const byName = new Map<string, string | null>();
  return (customer) => {
    const known = customer.name === null ? undefined : byName.get(customer.name);
    if (known !== undefined) return known;
    // A blank name falls back to the number, which differs per record: not remembered.
    if (!customer.name?.trim()) return customerKey(customer);
    const key = customerKey(customer);
    byName.set(customer.name, key);
    return key;
  };
}

/**
 * The record id of the invoice a credit note credits, where the provider links them: Flowtly marks
 * a credit note in `type` (a word with "credit" or "correct") and names the credited invoice in
 * `parent` (an IRI such as `/invoices/12`). Aptic lists credit invoices without a link to what they
 * credit (it only says so on the credited invoice, with its "credited" status flag), so they stay
 * their own invoices.
 */
export function creditedInvoiceOf(record: { provider: string; connectionId: string; raw: RawFields }): string | null {
  if (record.provider !== 'flowtly') return null;
  const { type, parent } = record.raw;
  if (typeof type !== 'string' || !/credit|correct/i.test(type)) return null;
  if (typeof parent !== 'string' || !/^\/[A-Za-z0-9_-]+\/[^/]+$/.test(parent)) return null;
  return recordId(record.connectionId, parent.slice(parent.lastIndexOf('/') + 1));
}
