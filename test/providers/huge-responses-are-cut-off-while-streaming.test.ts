import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpOptionsFromEnv } from '../../src-main/app/http-env';
import { defaultHttpOptions } from '../../src-main/providers/http-options';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';

// Runs under scripts/with-keyring.sh.
const megabyte = 1024 * 1024;
const bodyBytes = 300 * megabyte;

/**
 * A provider, in a process of its own (so only main's memory is measured here), that answers
 * every call 200 with a 300 MB JSON body written as fast as it is read, and reports on stdout
 * its port and then, per request, how many bytes it wrote before the reader went away.
 */
const hugeProvider = `
const http = require('node:http');
const chunk = Buffer.alloc(1024 * 1024, 0x20);
const server = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  let written = 0;
  const pump = () => {
    while (written < ${bodyBytes}) {
      written += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end();
  };
  response.on('close', () => console.log('sent ' + written));
  response.write('[');
  pump();
});
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

async function startHugeProvider(): Promise<{ baseUrl: string; sent: () => number[]; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', hugeProvider], { stdio: ['ignore', 'pipe', 'inherit'] });
  const sent: number[] = [];
  const lines = createInterface({ input: child.stdout as Readable });
  const port = await new Promise<string>((resolve) => {
    lines.on('line', (line) => {
      if (line.startsWith('port ')) resolve(line.slice(5));
      if (line.startsWith('sent ')) sent.push(Number(line.slice(5)));
    });
  });
  return { baseUrl: `http://127.0.0.1:${port}`, sent: () => sent, child };
}

let harness: RpcHarness;
let provider: Awaited<ReturnType<typeof startHugeProvider>>;
beforeAll(async () => {
  harness = await createRpcHarness({ http: { timeoutMs: 60_000, retryLimit: 2, retryBaseDelayMs: 5, backoffLimitMs: 50, maxRetryAfterMs: 50 } });
  provider = await startHugeProvider();
});
afterAll(async () => {
  provider.child.kill();
  await harness.close();
});

describe('a provider sending a 300 MB page', () => {
  it('is cut off at 50 MB while streaming, with a clear error, and main stays far below the body size', async () => {
    expect(defaultHttpOptions.maxResponseBytes).toBe(50 * megabyte);
    const connection = await harness.expectOk('connections.add', {
      provider: 'flowtly',
      label: 'Huge',
      baseUrl: provider.baseUrl,
      settings: { currency: 'EUR' },
      secret: { apiToken: 'huge-provider-token-0123' },
    });
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 10);
    const result = await harness.call('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: null });
    clearInterval(sampler);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'provider_too_large',
        message: 'Flowtly sent a response larger than 50 MB; Reskontra stopped reading it and stored nothing from it.',
        details: { provider: 'flowtly', limitMb: 50 },
      },
    });
    // Not retried (it would be as large again), and reading stopped soon after the limit.
    await vi.waitFor(() => expect(provider.sent()).toHaveLength(1));
    expect(provider.sent()[0]).toBeLessThan(100 * megabyte);
    const growth = { rssMb: (peakRss - before.rss) / megabyte, heapMb: (peakHeap - before.heapUsed) / megabyte };
    // RSS holds the 50 MB read so far plus buffers (77–81 MB measured); half the body size is the bound.
    expect(growth.rssMb, JSON.stringify(growth)).toBeLessThan(150);
    expect(growth.heapMb, JSON.stringify(growth)).toBeLessThan(100);
  });
});

describe('the limit', () => {
  it('is set in whole megabytes with RESKONTRA_HTTP_MAX_RESPONSE_MB', () => {
    expect(httpOptionsFromEnv({ RESKONTRA_HTTP_MAX_RESPONSE_MB: '5' })).toEqual({ maxResponseBytes: 5 * megabyte });
    expect(() => httpOptionsFromEnv({ RESKONTRA_HTTP_MAX_RESPONSE_MB: '0.5' })).toThrow(/RESKONTRA_HTTP_MAX_RESPONSE_MB/);
  });
});
