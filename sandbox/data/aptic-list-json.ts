/**
 * Aptic's list page as JSON text, written field by field: the same text as JSON.stringify of
 * the page object. V8's generic JSON.stringify (~2.4 µs an item) was the largest single part of
 * a served page; this is ~0.65 µs an item, ~1.4 µs with the text flattened for the socket.
 * `test/sandbox/aptic-list-page-text-equals-json-stringify.test.ts` holds it to JSON.stringify.
 */
import type { ApticListItem } from './aptic-view';

/** Characters JSON.stringify escapes (and lone surrogates, which it writes as \u escapes). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(text), without its cost for the usual text that needs no escape. */
function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * Names and numbers repeat across a page (customers come from a pool), so each quoted form is
 * kept; bounded, so invoices created through PUT cannot grow it without end.
 */
const quotedNames = new Map<string, string>();

function quotedName(text: string): string {
  let done = quotedNames.get(text);
  if (done === undefined) {
    if (quotedNames.size >= 10_000) quotedNames.clear();
    done = quoted(text);
    quotedNames.set(text, done);
  }
  return done;
}

/**
 * An amount as JSON.stringify prints it. Amounts are whole minor units over 100, which print as
 * their decimal ("19.5", "1250"); written from integers, whose text V8 keeps cached, instead of
 * V8's shortest-double printing. Anything else (or too large to be sure) goes to JSON.stringify.
 */
function amountJson(value: number): string {
  const cents = Math.round(value * 100);
  if (cents / 100 !== value || cents >= 1e14 || cents <= -1e14) return JSON.stringify(value);
  const abs = cents < 0 ? -cents : cents;
  const whole = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}`;
  const fraction = abs % 100;
  if (fraction === 0) return whole;
  return fraction % 10 === 0 ? `${whole}.${fraction / 10}` : `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/**
 * One list item in ApticListItem's key order (apticListItem builds it in that order). GUIDs,
 * dates, currency codes and the fixed words (the seller's name and reference, ledger and
 * invoice type, service) are plain by construction: generated, or checked by the write schemas.
 * Invoice numbers and customers can come from a PUT, so they are quoted as JSON.stringify would.
 */
export function apticListItemJson(item: ApticListItem): string {
  return (
    `{"invoiceGuid":"${item.invoiceGuid}","ledgerType":"${item.ledgerType}","clientReferenceNumber":"${item.clientReferenceNumber}",` +
    `"clientName":"${item.clientName}","invoiceNumber":${quoted(item.invoiceNumber)},"customerName":${quotedName(item.customerName)},` +
    `"customerNumber":${quotedName(item.customerNumber)},"invoiceDate":"${item.invoiceDate}","dueDate":"${item.dueDate}","daysDue":${item.daysDue},` +
    `"invoiceType":"${item.invoiceType}","registrationDate":"${item.registrationDate}","currencyCode":"${item.currencyCode}",` +
    `"originalPrincipal":${amountJson(item.originalPrincipal)},"remainingPrincipal":${amountJson(item.remainingPrincipal)},"paidSum":${amountJson(item.paidSum)},` +
    `"remainingSum":${amountJson(item.remainingSum)},"service":"${item.service}","status":${item.status},"financeStatus":${item.financeStatus},` +
    `"purchasable":${item.purchasable},"purchased":${item.purchased},"disputed":${item.disputed}}`
  );
}

/** `{count, skip, total, value}` of GET /v1/Invoices, as JSON.stringify writes it. */
export function apticListPageJson(skip: number, total: number, items: readonly ApticListItem[]): string {
  let value = '';
  for (let i = 0; i < items.length; i += 1) value += i === 0 ? apticListItemJson(items[i]!) : `,${apticListItemJson(items[i]!)}`;
  return `{"count":${items.length},"skip":${skip},"total":${total},"value":[${value}]}`;
}
