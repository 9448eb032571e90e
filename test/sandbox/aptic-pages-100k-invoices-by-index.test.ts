import { describe, expect, it } from 'vitest';
import { apticFactsFor, apticListItem, invoiceAt } from '../../sandbox/data';
import { useApticSandbox } from './support/aptic-session';
import { asArray, asRecord, requestJson } from './support/sandbox-http';

describe('Aptic at 100,000 invoices', () => {
  const session = useApticSandbox({ seed: 99, scale: 100_000 });

  it('filters and sorts all 100,000 in one request, yet serves a deep page without materialising the rest', async () => {
    const { aptic, headers } = session();
    const timed = async (query: string): Promise<{ ms: number; body: Record<string, unknown> }> => {
      const started = performance.now();
      const body = asRecord((await requestJson(`${aptic.baseUrl}/v1/Invoices?${query}`, { headers })).body);
      return { ms: performance.now() - started, body };
    };
    const deep = await timed('$skip=99950&$top=100');
    expect(deep.body).toMatchObject({ total: 100_000, skip: 99_950, count: 50 });
    const value = asArray(deep.body.value);
    expect(value[0]).toEqual(apticListItem(apticFactsFor(99, invoiceAt(99, 99_950))));
    expect(asRecord(value[49]).invoiceNumber).toBe(String(10425 + 99_999));

    // A filter and sort must visit all 100,000; a deep page must not. Measured against each
    // other, so a busy machine slows both alike. (One full scan serves both checks: each costs seconds.)
    const scan = await timed(`$filter=${encodeURIComponent("currencyCode eq 'EUR' and remainingPrincipal gt 0")}&$orderby=${encodeURIComponent('remainingPrincipal desc')}&$top=3`);
    expect(Number(scan.body.total)).toBeGreaterThan(1_000);
    const amounts = asArray(scan.body.value).map((item) => Number(asRecord(item).remainingPrincipal));
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    expect(deep.ms * 5).toBeLessThan(scan.ms);
  }, 30_000);

  it('finds an invoice by GUID anywhere in the range', async () => {
    const { aptic, headers } = session();
    const guid = apticFactsFor(99, invoiceAt(99, 87_654)).guid;
    const detail = await requestJson(`${aptic.baseUrl}/v1/Invoices/${guid}`, { headers });
    expect(detail.status).toBe(200);
    expect(asRecord(detail.body).invoiceNumber).toBe(String(10425 + 87_654));
  });
});
