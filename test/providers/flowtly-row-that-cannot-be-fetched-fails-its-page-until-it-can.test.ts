import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { createRpcHarness, fastHttp, type RpcHarness } from './support/rpc-harness';
import { datasetFor, expectedFlowtlyVatLines } from './support/expected-records';
import { connectionInputFor } from './support/sandbox-connections';
import { unpackSyncPage } from '../../src-shared/rpc/packed-sync-page';

// Runs under scripts/with-keyring.sh. A proxy in front of the Flowtly sandbox answers one
// invoice row with a 500 (or a body of the wrong shape) for as long as it is told to. The page
// holding that row must fail with one clear error naming the row, never return the invoice with
// its VAT unknown; asked again once the row can be read, it returns every invoice with its VAT.

const seed = 4;
const scale = 30;
const brokenRow = '/invoice-rows/2';

let harness: RpcHarness;
let sandbox: RunningSandbox;
let proxy: ReturnType<typeof createServer>;
const state: { breaking: 'none' | '500' | 'wrong-shape'; rowAsks: number } = { breaking: 'none', rowAsks: 0 };

beforeAll(async () => {
  harness = await createRpcHarness({ http: { ...fastHttp, retryLimit: 1 } });
  sandbox = await startSandbox('flowtly', { seed, scale });
  proxy = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path.split('?')[0] === brokenRow && state.breaking !== 'none') {
      state.rowAsks += 1;
      const [status, body] = state.breaking === '500' ? [500, '{"title":"Internal Server Error"}'] : [200, '{"unexpected":true}'];
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
      return;
    }
    const target = new URL(path, sandbox.baseUrl);
    const upstream = httpRequest(target, { method: request.method, headers: { ...request.headers, host: target.host } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await sandbox.close();
  await harness.close();
});

describe('a Flowtly invoice row that cannot be fetched', () => {
  it.each(['500', 'wrong-shape'] as const)('(%s) fails its page with an error naming the row, and the page asked again once it can be read carries every VAT line', async (breaking) => {
    const connection = await harness.expectOk('connections.add', { ...connectionInputFor(sandbox), baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
    state.breaking = breaking;
    state.rowAsks = 0;
    const failed = await harness.call('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: null });
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.message).toContain('Flowtly');
    if (breaking === 'wrong-shape') expect(failed.error.message).toMatch(/row 2/);
    // Asked again, in the HTTP layer and per row, before the page gives up.
    expect(state.rowAsks).toBeGreaterThan(1);

    state.breaking = 'none';
    const page = unpackSyncPage(await harness.expectOk('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: null }));
    const expected = expectedFlowtlyVatLines(datasetFor(seed, scale));
    const got = new Map(page.records.flatMap((record) => (record.kind === 'invoice' && expected.has(record.providerRef) ? [[record.providerRef, record.vatLines]] : [])));
    expect(got.size).toBe(expected.size);
    expect(got).toEqual(expected);
    expect(page.quarantined).toEqual([]);
    await harness.call('connections.remove', { id: connection.id });
  });
});
