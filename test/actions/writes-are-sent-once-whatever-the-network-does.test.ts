import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRpcHarness, fastHttp, type RpcHarness } from '../providers/support/rpc-harness';

// Runs under scripts/with-keyring.sh. A stand-in Aptic that issues tokens and then, for each
// write, stalls, answers 503 or drops the connection: ky must never send the write twice.
type Misbehaviour = 'stall' | '503' | 'drop';

let harness: RpcHarness;
let server: Server;
let baseUrl = '';
let mode: Misbehaviour = 'stall';
const writes: string[] = [];
const gets: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url?.startsWith('/login/oauth/access_token')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'tok', expires_in: 3600 }));
        return;
      }
      if (request.method === 'GET') {
        gets.push(request.url ?? '');
        response.writeHead(503, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      writes.push(`${request.method} ${request.url}`);
      if (mode === '503') response.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Service Unavailable' }));
      else if (mode === 'drop') request.socket.destroy();
      // 'stall': never answer.
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  harness = await createRpcHarness({ http: { ...fastHttp, timeoutMs: 300, retryLimit: 3 } });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await harness.close();
});

async function addAptic(url: string): Promise<string> {
  const connection = await harness.expectOk('connections.add', {
    provider: 'aptic',
    label: `Stand-in ${url}`,
    baseUrl: url,
    settings: { tokenPath: '/login/oauth/access_token' },
    secret: { clientId: 'id', clientSecret: 'secret-secret-1' },
  });
  return connection.id;
}

describe('a write is sent at most once', () => {
  for (const misbehaviour of ['stall', '503', 'drop'] as const) {
    it(`${misbehaviour}: one request, and the outcome is unknown (never "failed, try again")`, async () => {
      mode = misbehaviour;
      writes.length = 0;
      const connectionId = await addAptic(baseUrl);
      const result = await harness.call('actions.registerPayment', { connectionId, invoiceRef: 'g-1', amount: 100, currency: 'SEK', paymentDate: '2025-06-30', reference: null });
      expect(result.ok ? null : result.error.code).toBe('outcome_unknown');
      // Give any retry time to happen.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(writes).toEqual(['POST /v1/Invoices/g-1/Payment']);
    });
  }

  it('reads are still retried (a GET is safe to repeat)', async () => {
    gets.length = 0;
    const connectionId = await addAptic(baseUrl);
    const result = await harness.call('actions.readInvoice', { connectionId, invoiceRef: 'g-1' });
    expect(result.ok).toBe(false);
    expect(gets.length).toBe(4);
  });

  it('nothing listening: unreachable, and nothing was sent', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    const connectionId = await addAptic(url);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await harness.call('actions.disputeInvoice', { connectionId, invoiceRef: 'g-1', disputed: true, reason: null });
    expect(result.ok ? null : result.error.code).toBe('provider_unreachable');
  });
});
