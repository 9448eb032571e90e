/**
 * GET /v1/Invoices' body, `{count, skip, total, value}`: the same bytes as JSON.stringify of the
 * page object encoded as UTF-8, written an item at a time. JSON.stringify of the page (~2.4 µs an
 * item) was the largest single part of a served page; each item's text here is a template
 * (~0.65 µs), encoded into a reused buffer at once, so no page-long string is kept, flattened
 * and encoded again for the socket.
 * `test/sandbox/aptic-list-page-bytes-equal-json-stringify.test.ts` holds it to JSON.stringify.
 */
import type { ApticListItem } from '../data/aptic-view';

/** Characters JSON.stringify escapes (and lone surrogates, which it writes as \u escapes). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(text), without its cost for the usual text that needs no escape. */
function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * An amount as JSON.stringify prints it. Amounts are whole minor units over 100, which print as
 * their decimal ("19.5", "1250"); written from integers, whose text V8 keeps cached, instead of
 * V8's shortest-double printing. Anything else (negative, or too large to be sure of the
 * shortest form) goes to JSON.stringify.
 */
function amountJson(value: number): string {
  const cents = Math.round(value * 100);
  if (cents / 100 !== value || cents < 0 || cents >= 1e14) return JSON.stringify(value);
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  if (fraction === 0) return String(whole);
  return fraction % 10 === 0 ? `${whole}.${fraction / 10}` : `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/**
 * One list item in ApticListItem's key order (apticListItem builds it in that order). GUIDs,
 * dates, currency codes and the fixed words (the seller's name and reference, ledger and
 * invoice type, service) are plain by construction: generated, or checked by the write schemas.
 * Invoice numbers and customers can come from a PUT, so they are quoted as JSON.stringify would.
 * Integers print as JSON.stringify prints them.
 */
function itemJson(item: ApticListItem): string {
  return (
    `{"invoiceGuid":"${item.invoiceGuid}","ledgerType":"${item.ledgerType}","clientReferenceNumber":"${item.clientReferenceNumber}",` +
    `"clientName":"${item.clientName}","invoiceNumber":${quoted(item.invoiceNumber)},"customerName":${quoted(item.customerName)},` +
    `"customerNumber":${quoted(item.customerNumber)},"invoiceDate":"${item.invoiceDate}","dueDate":"${item.dueDate}","daysDue":${item.daysDue},` +
    `"invoiceType":"${item.invoiceType}","registrationDate":"${item.registrationDate}","currencyCode":"${item.currencyCode}",` +
    `"originalPrincipal":${amountJson(item.originalPrincipal)},"remainingPrincipal":${amountJson(item.remainingPrincipal)},"paidSum":${amountJson(item.paidSum)},` +
    `"remainingSum":${amountJson(item.remainingSum)},"service":"${item.service}","status":${item.status},"financeStatus":${item.financeStatus},` +
    `"purchasable":${item.purchasable},"purchased":${item.purchased},"disputed":${item.disputed}}`
  );
}

/** Reused for every page (pages are written synchronously, one at a time); each page is copied out. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** Appends `text` as UTF-8 at `at`, growing the buffer when it might not fit; the new end. */
function append(text: string, at: number): number {
  if (at + text.length * 3 > scratch.length) {
    const grown = Buffer.allocUnsafe(Math.max(scratch.length * 2, at + text.length * 3));
    scratch.copy(grown, 0, 0, at);
    scratch = grown;
  }
  return at + scratch.write(text, at, 'utf8');
}

export function apticListPageBytes(skip: number, total: number, items: readonly ApticListItem[]): Buffer {
  let at = append(`{"count":${items.length},"skip":${skip},"total":${total},"value":[`, 0);
  for (let i = 0; i < items.length; i += 1) at = append(i === 0 ? itemJson(items[i]!) : `,${itemJson(items[i]!)}`, at);
  at = append(']}', at);
  // A copy: the socket may still be sending this page while the next is written.
  return Buffer.from(scratch.subarray(0, at));
}
