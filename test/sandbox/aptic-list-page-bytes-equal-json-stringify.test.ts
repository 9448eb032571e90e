import { describe, expect, it } from 'vitest';
import { apticFactsFor, apticListItem, createDataset, type ApticListItem } from '../../sandbox/data';
import { apticListPageBytes } from '../../sandbox/aptic/aptic-list-page';
import { useApticSandbox } from './support/aptic-session';
import { asArray, asRecord, postJson, requestJson } from './support/sandbox-http';

/**
 * The Aptic list page is written straight into bytes (sandbox/aptic/aptic-list-page.ts) instead
 * of by JSON.stringify; these hold it to JSON.stringify's text, as UTF-8, for generated invoices
 * and for the text and amounts a PUT can bring.
 */
const byStringify = (skip: number, total: number, items: readonly ApticListItem[]): string => JSON.stringify({ count: items.length, skip, total, value: items });
const written = (skip: number, total: number, items: readonly ApticListItem[]): string => {
  const bytes = apticListPageBytes(skip, total, items);
  // UTF-8 that does not decode would turn into U+FFFD and differ below.
  return new TextDecoder('utf-8').decode(bytes);
};

describe('the Aptic list page bytes', () => {
  it('is JSON.stringify of the page for generated invoices across a million', () => {
    const seed = 3;
    const dataset = createDataset(seed, 1_000_000);
    const first = apticListPageBytes(0, dataset.scale, [apticListItem(apticFactsFor(seed, dataset.invoiceAt(0)))]);
    const firstText = first.toString('utf8');
    for (let page = 0; page < 40; page += 1) {
      const skip = page * 24_989;
      const items = Array.from({ length: 100 }, (_, i) => apticListItem(apticFactsFor(seed, dataset.invoiceAt(skip + i))));
      expect(written(skip, dataset.scale, items)).toBe(byStringify(skip, dataset.scale, items));
    }
    // The writer is reused; a page handed out earlier (perhaps still in the socket) stays as it was.
    expect(first.toString('utf8')).toBe(firstText);
    expect(written(0, 0, [])).toBe(byStringify(0, 0, []));
  });

  it('escapes the text a PUT may bring and prints every amount as JSON.stringify does', () => {
    const base = apticListItem(apticFactsFor(1, createDataset(1, 10).invoiceAt(4)));
    const texts = ['He said "hi"', 'back\\slash', 'line\nbreak\ttab', 'nul\u0000 and \u001f', 'lone \ud800 surrogate', 'pair 😀 and €', "Bakkerij 't Hart", 'Öberg Bygg AB', ''];
    const amounts = [0, -0, 0.01, 0.1, 0.5, 19.5, 1000.5, 12_345.67, -250.05, 999_999_999_999.99, 0.125, 1e21, 123_456_789_012_345.6, Number.NaN, Number.POSITIVE_INFINITY];
    const items: ApticListItem[] = [];
    for (const text of texts) items.push({ ...base, invoiceNumber: text, customerName: text, customerNumber: `${text}!` });
    for (const amount of amounts) items.push({ ...base, originalPrincipal: amount, remainingPrincipal: -amount, paidSum: amount / 3, remainingSum: amount * 100 });
    for (let cents = -1_000; cents <= 100_000; cents += 7) items.push({ ...base, originalPrincipal: cents / 100, remainingPrincipal: (cents * 1_000_003) / 100 });
    expect(written(7, 9, items)).toBe(byStringify(7, 9, items));
    expect(apticListPageBytes(7, 9, items).equals(Buffer.from(byStringify(7, 9, items), 'utf8'))).toBe(true);
  });
});

describe('the Aptic list page over HTTP', () => {
  const session = useApticSandbox({ seed: 2, scale: 120 });

  it('carries a created invoice whose number and customer need escaping', async () => {
    const { aptic, headers } = session();
    const name = 'Quote " and \\ backslash\nÅkesson AB';
    const created = await postJson(`${aptic.baseUrl}/v1/Invoices`, [{ referenceNumber: 'NEW-"1"', customer: { name, customerNumber: 'K"1' }, debts: [{ amount: 10.05 }] }], headers, 'PUT');
    expect(created.status).toBe(200);
    const page = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices?$skip=100&$top=100`, { headers })).body);
    expect(page).toMatchObject({ count: 21, skip: 100, total: 121 });
    expect(asArray(page.value).at(-1)).toMatchObject({ invoiceNumber: 'NEW-"1"', customerName: name, customerNumber: 'K"1', originalPrincipal: 10.05 });
  });
});
