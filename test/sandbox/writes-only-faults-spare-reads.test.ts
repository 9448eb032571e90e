import { describe, expect, it } from 'vitest';
import { apticReferenceItems, useApticSandbox } from './support/aptic-session';
import { postJson, requestJson } from './support/sandbox-http';

const options = { seed: 3, scale: 20 };
const session = useApticSandbox({ ...options, faults: { slow: 1, slowMs: 400, writesOnly: true } });
const guid = apticReferenceItems(options.seed, options.scale)[0]!.invoiceGuid;

describe('writesOnly faults', () => {
  it('answer reads at once and hold each write before applying it', async () => {
    const { aptic, headers } = session();
    const read = await requestJson(`${aptic.baseUrl}/v1/Invoices/${guid}`, { headers });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-sandbox-fault')).toBeNull();

    const started = Date.now();
    const write = await postJson(`${aptic.baseUrl}/v1/Invoices/${guid}/Dispute`, { isDisputed: true, reason: 'held' }, headers);
    expect(write.status).toBe(204);
    expect(write.headers.get('x-sandbox-fault')).toBe('slow');
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect((await requestJson(`${aptic.baseUrl}/v1/Invoices/${guid}`, { headers })).body).toMatchObject({ disputed: true });
  });
});
