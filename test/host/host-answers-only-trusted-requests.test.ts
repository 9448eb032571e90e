import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/security/content-security-policy';
import { rawRequest, rpc, startTestHost, testToken } from '../support/host';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.close();
});

describe('browser-mode host', () => {
  it('answers a valid call with {ok:true,value}', async () => {
    const response = await rpc(host.port, 'app.info', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: { name: 'Reskontra', version: '0.0.0-test', transport: 'browser', dataDir: host.dataDir, demo: false },
    });
  });

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await rawRequest(host.port, { method: 'POST', path: '/rpc/app.info', body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await rpc(host.port, 'app.info', {}, { 'x-reskontra-token': `${testToken}x` });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host with 403, before looking at the token (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example:' + host.port, `127.0.0.1:${host.port + 1}`, 'localhost']) {
      const response = await rpc(host.port, 'app.info', {}, { host: hostHeader });
      expect(response.status, hostHeader).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const page = await rawRequest(host.port, { path: '/', headers: { host: 'attacker.test' } });
    expect(page.status).toBe(403);
    expect((await rpc(host.port, 'app.info', {}, { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin with 403', async () => {
    const response = await rpc(host.port, 'app.info', {}, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('answers an unknown method with 404', async () => {
    const response = await rpc(host.port, 'vault.dumpSecrets', {});
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers input failing its schema with 400 naming the field', async () => {
    const response = await rpc(host.port, 'app.info', { verbose: true });
    expect(response.status).toBe(400);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(body.error.message).toContain('verbose');
    const notJson = await rawRequest(host.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: { 'x-reskontra-token': testToken },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses a body over 10 MB with 413, declared or streamed', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const declared = await rawRequest(host.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: { 'x-reskontra-token': testToken, 'content-length': big.length },
      body: big,
    });
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(host.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: { 'x-reskontra-token': testToken, 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });

  it('only accepts POST for calls', async () => {
    const response = await rawRequest(host.port, { path: '/rpc/app.info', headers: { 'x-reskontra-token': testToken } });
    expect(response.status).toBe(405);
  });

  it('serves the renderer with the app CSP and nothing outside its folder', async () => {
    const page = await rawRequest(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await rawRequest(host.port, { path: '/app.js' });
    expect(script.headers['content-type']).toContain('text/javascript');
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2Fetc%2Fpasswd']) {
      expect((await rawRequest(host.port, { path })).status, path).toBe(400);
    }
    expect((await rawRequest(host.port, { path: '/missing.js' })).status).toBe(404);
    const rpcAnswer = await rpc(host.port, 'app.info', {});
    expect(rpcAnswer.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('listens on loopback only', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) return; // no other interface on this machine: loopback is all there is
    const { request } = await import('node:http');
    const refused = await new Promise<boolean>((resolve) => {
      request({ host: external.address, port: host.port, path: '/' })
        .on('response', () => resolve(false))
        .on('error', () => resolve(true))
        .end();
    });
    expect(refused).toBe(true);
  });
});
