import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apticGuidFor } from '../../sandbox/data';
import { useApticSandbox } from './support/aptic-session';

/**
 * Pins the exact bytes the Aptic sandbox serves, so work on how fast it generates and serves
 * them cannot change what it serves. The hashes were taken from the sandbox before that work.
 */
const seed = 1;
const scale = 1_000_000;

async function sha256Of(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return `${response.status} ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

describe('the Aptic sandbox at 1,000,000 invoices', () => {
  const session = useApticSandbox({ seed, scale });

  it('serves the same list pages, byte for byte, at offsets across the range', async () => {
    const { aptic, headers } = session();
    const hashes: Record<string, string> = {};
    for (const query of ['$skip=0&$top=100', '$skip=100&$top=100', '$skip=12345&$top=100', '$skip=500000&$top=100', '$skip=999950&$top=100', '$top=25', '$skip=777777&$top=7']) {
      hashes[query] = await sha256Of(`${aptic.baseUrl}/v1/Invoices?${query}`, headers);
    }
    expect(hashes).toEqual(PINNED_PAGES);
  });

  it('sends list pages with the same headers', async () => {
    const { aptic, headers } = session();
    const sent: Record<string, Record<string, string>> = {};
    for (const query of ['$skip=0&$top=100', '$skip=999950&$top=100', '$top=25']) {
      const response = await fetch(`${aptic.baseUrl}/v1/Invoices?${query}`, { headers });
      await response.arrayBuffer();
      sent[query] = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
    }
    expect(sent).toEqual(PINNED_LIST_HEADERS);
  });

  it('serves the same invoice, financial details and transactions, byte for byte', async () => {
    const { aptic, headers } = session();
    const hashes: Record<string, string> = {};
    for (const index of [0, 1, 4, 5, 71, 4242, 654_321, 999_999]) {
      const guid = apticGuidFor(seed, index);
      for (const path of ['', '/FinancialDetails', '/Transactions']) hashes[`${index}${path}`] = await sha256Of(`${aptic.baseUrl}/v1/Invoices/${guid}${path}`, headers);
    }
    expect(hashes).toEqual(PINNED_INVOICES);
  });
});

describe('the Aptic sandbox at 3,000 invoices', () => {
  const session = useApticSandbox({ seed: 5, scale: 3_000 });

  it('serves the same filtered and sorted pages, byte for byte', async () => {
    const { aptic, headers } = session();
    const hashes: Record<string, string> = {};
    for (const query of [
      `$filter=${encodeURIComponent("currencyCode eq 'EUR' and remainingPrincipal gt 0")}&$orderby=${encodeURIComponent('remainingPrincipal desc')}&$top=100&$skip=40`,
      `$filter=${encodeURIComponent('status eq 2 or daysDue gt 30')}&$top=100&$skip=100`,
      `$orderby=${encodeURIComponent('dueDate asc,invoiceNumber desc')}&$top=50`,
    ]) {
      hashes[query] = await sha256Of(`${aptic.baseUrl}/v1/Invoices?${query}`, headers);
    }
    expect(hashes).toEqual(PINNED_QUERIES);
  });
});

const PINNED_PAGES = {
  '$skip=0&$top=100': '200 d2e5c89b8d32a003',
  '$skip=100&$top=100': '200 1669e8cdf7a0d669',
  '$skip=12345&$top=100': '200 691e1fff40a6578d',
  '$skip=500000&$top=100': '200 60bd2a5b5eaf57a5',
  '$skip=999950&$top=100': '200 551bd6338d9090e7',
  '$top=25': '200 12a6948d87988521',
  '$skip=777777&$top=7': '200 2c6703036e69238e',
};
// Taken from main's sandbox (7c9d2db) before the list page was sent as bytes.
const listHeaders = (length: number) => ({ connection: 'keep-alive', 'content-length': String(length), 'content-type': 'application/json; charset=utf-8', 'keep-alive': 'timeout=5' });
const PINNED_LIST_HEADERS = {
  '$skip=0&$top=100': listHeaders(56_719),
  '$skip=999950&$top=100': listHeaders(28_641),
  '$top=25': listHeaders(14_200),
};
// Invoice 4 is in collection with a payment, 5 sold to Aptic, 71 sold to Aptic and recoursed.
const PINNED_INVOICES = {
  '0': '200 cea1903d0bb3de04',
  '0/FinancialDetails': '200 f40be95fc38bcd56',
  '0/Transactions': '200 3cf6f71dfb91dee4',
  '1': '200 8d9007a6153b16ee',
  '1/FinancialDetails': '200 f40be95fc38bcd56',
  '1/Transactions': '200 6f7a168d8fd14447',
  '4': '200 029c59f65add8b09',
  '4/FinancialDetails': '200 b98ff803e508cc7e',
  '4/Transactions': '200 19a96226b0f2600a',
  '5': '200 41e5218add7e783d',
  '5/FinancialDetails': '200 8d9fa5c52bbecc50',
  '5/Transactions': '200 c0d83ff60c95c812',
  '71': '200 7241b7db0203a1c1',
  '71/FinancialDetails': '200 38e5c60a7675a510',
  '71/Transactions': '200 c8b244c9c2b92a61',
  '4242': '200 45f71b8ec527aa3d',
  '4242/FinancialDetails': '200 f40be95fc38bcd56',
  '4242/Transactions': '200 83a9e1b1ae255b7c',
  '654321': '200 383feded788e24c3',
  '654321/FinancialDetails': '200 f40be95fc38bcd56',
  '654321/Transactions': '200 2b168a269fd7b9d4',
  '999999': '200 2fa01e5762faac29',
  '999999/FinancialDetails': '200 f40be95fc38bcd56',
  '999999/Transactions': '200 3a5ac56d7b02eb69',
};
const PINNED_QUERIES = {
  "$filter=currencyCode%20eq%20'EUR'%20and%20remainingPrincipal%20gt%200&$orderby=remainingPrincipal%20desc&$top=100&$skip=40": '200 b3ab43059fb817a8',
  '$filter=status%20eq%202%20or%20daysDue%20gt%2030&$top=100&$skip=100': '200 440e6b4554d71557',
  '$orderby=dueDate%20asc%2CinvoiceNumber%20desc&$top=50': '200 e37340fa6ee533a3',
};
