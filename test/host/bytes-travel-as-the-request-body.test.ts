import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport } from '../../src-renderer/bridge/transport';
import { maxExportBatchBytes } from '../../src-shared/rpc/export-methods';
import { rawRequest, startTestHost, testToken } from '../support/host';

let host: Awaited<ReturnType<typeof startTestHost>>;
let call: ReturnType<typeof httpTransport>;
beforeAll(async () => {
  host = await startTestHost();
  // The page's own transport, its relative addresses resolved against the host.
  call = httpTransport(() => testToken, (input, init) => fetch(`http://127.0.0.1:${host.port}${String(input)}`, init));
});
afterAll(async () => {
  await host.close();
});

async function begin(): Promise<string> {
  const begun = await call('export.begin', { suggestedName: 'bytes.csv' });
  if (!begun.ok || (begun.value as { status: string }).status !== 'started') throw new Error('export.begin failed');
  return (begun.value as { exportId: string }).exportId;
}

describe('a call that carries bytes, in browser mode', () => {
  it('sends them as the request body and main writes exactly those bytes', async () => {
    const exportId = await begin();
    // Every byte value, and bytes that are not UTF-8: nothing may be decoded or re-encoded on the way.
    const first = Uint8Array.from({ length: 256 }, (_, i) => i);
    const second = Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0x00, 0x0d, 0x0a]);
    expect(await call('export.appendBytes', { exportId, bytes: first })).toEqual({ ok: true, value: { bytes: 256 } });
    expect(await call('export.appendBytes', { exportId, bytes: second })).toEqual({ ok: true, value: { bytes: 264 } });
    const committed = await call('export.commit', { exportId });
    if (!committed.ok) throw new Error(committed.error.message);
    const written = await readFile((committed.value as { path: string }).path);
    expect(written.equals(Buffer.concat([first, second]))).toBe(true);
  });

  it('checks the rest of the input against the method’s schema, as for any call', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const noId = await call('export.appendBytes', { bytes });
    expect(noId).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknownId = await call('export.appendBytes', { exportId: '6f1b1f53-3f7c-4d0a-9d53-9f2d1c1e0a11', bytes });
    expect(unknownId).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const extra = await call('export.appendBytes', { exportId: await begin(), bytes, path: '/etc/passwd' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses more than one batch’s bytes, and a header that is not JSON', async () => {
    const exportId = await begin();
    const tooMany = await call('export.appendBytes', { exportId, bytes: new Uint8Array(maxExportBatchBytes + 1) });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const badHeader = await rawRequest(host.port, {
      method: 'POST',
      path: '/rpc/export.appendBytes',
      headers: { 'content-type': 'application/octet-stream', 'x-reskontra-input': '{exportId', 'x-reskontra-token': testToken },
      body: Buffer.from([1, 2, 3]),
    });
    expect(badHeader.status).toBe(400);
  });
});
