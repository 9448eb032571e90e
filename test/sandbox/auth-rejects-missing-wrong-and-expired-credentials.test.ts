import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { asRecord, bearer, fetchToken, requestJson } from './support/sandbox-http';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Tokens and keys in this file live one second; waiting a little longer makes them expired. */
const LIFETIME_SECONDS = 1;
const PAST_LIFETIME_MS = 1_150;

describe('auth: missing, wrong and expired credentials get 401; refreshing recovers', () => {
  const running: RunningSandbox[] = [];
  const start = async (provider: Parameters<typeof startSandbox>[0]): Promise<RunningSandbox> => {
    const sandbox = await startSandbox(provider, { seed: 3, scale: 60, tokenLifetimeSeconds: LIFETIME_SECONDS });
    running.push(sandbox);
    return sandbox;
  };
  let vettig: RunningSandbox;
  let aptic: RunningSandbox;
  let flowtly: RunningSandbox;
  beforeAll(async () => {
    [vettig, aptic, flowtly] = await Promise.all([start('vettig'), start('aptic'), start('flowtly')]);
  });
  afterAll(() => Promise.all(running.map((sandbox) => sandbox.close())));

  it('Vettig: no key or a wrong key is 401 Invalid API key; an expired token is 401 until a new one is fetched', async () => {
    const url = `${vettig.baseUrl}/v2/factoring/events/${vettig.settings.organisationNumber ?? ''}`;
    expect(await requestJson(url)).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
    expect(await requestJson(url, { headers: bearer('not-the-key') })).toMatchObject({ status: 401, body: { message: 'Invalid API key' } });
    const token = await fetchToken(vettig);
    expect((await requestJson(url, { headers: bearer(token) })).status).toBe(200);
    await sleep(PAST_LIFETIME_MS);
    expect(await requestJson(url, { headers: bearer(token) })).toMatchObject({ status: 401, body: { message: 'Token expired' } });
    expect((await requestJson(url, { headers: bearer(await fetchToken(vettig)) })).status).toBe(200);
    // The static API key never expires.
    expect((await requestJson(url, { headers: bearer(vettig.credentials.apiKey ?? '') })).status).toBe(200);
  });

  it('Vettig and Aptic token endpoints refuse a wrong secret and a wrong grant type', async () => {
    for (const sandbox of [vettig, aptic]) {
      const tokenUrl = `${sandbox.baseUrl}${sandbox.settings.tokenPath ?? ''}`;
      const post = (fields: Record<string, string>) =>
        requestJson(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      expect(await post({ grant_type: 'client_credentials', client_id: sandbox.credentials.clientId ?? '', client_secret: 'wrong' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(await post({ grant_type: 'password', client_id: sandbox.credentials.clientId ?? '', client_secret: sandbox.credentials.clientSecret ?? '' })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    }
  });

  it('Aptic: 401 problem details with WWW-Authenticate for no, wrong and expired tokens', async () => {
    const url = `${aptic.baseUrl}/v1/Invoices?$top=1`;
    for (const headers of [{}, bearer('wrong')]) {
      const response = await requestJson(url, { headers });
      expect(response).toMatchObject({ status: 401, body: { status: 401, title: 'Unauthorized', instance: '/v1/Invoices' } });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const token = await fetchToken(aptic);
    expect((await requestJson(url, { headers: bearer(token) })).status).toBe(200);
    await sleep(PAST_LIFETIME_MS);
    const expired = await requestJson(url, { headers: bearer(token) });
    expect(expired.status).toBe(401);
    expect(asRecord(expired.body).detail).toContain('expired');
    expect((await requestJson(url, { headers: bearer(await fetchToken(aptic)) })).status).toBe(200);
  });

  it('Flowtly: no or wrong bearer token is a 401 problem+json', async () => {
    for (const headers of [{}, bearer('wrong')]) {
      const response = await requestJson(`${flowtly.baseUrl}/invoices`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 401, title: 'An error occurred' });
    }
    expect((await requestJson(`${flowtly.baseUrl}/invoices`, { headers: bearer(flowtly.credentials.apiToken ?? '') })).status).toBe(200);
  });

  it('Confirma: an expired key fails validate and data calls until renewed; renew retires the old key', async () => {
    // Started here, not in beforeAll: its key's one-second life must begin with this test.
    const confirma = await start('confirma');
    const base = `${confirma.baseUrl}/api/v1/partner`;
    const withKey = (key: string) => ({ headers: { 'x-api-key': key } });
    const oldKey = confirma.credentials.apiKey ?? '';
    expect((await requestJson(`${base}/settlements`)).status).toBe(401);
    expect((await requestJson(`${base}/settlements`, withKey('wrong'))).status).toBe(401);
    expect((await requestJson(`${base}/validate`, withKey('wrong'))).status).toBe(401);
    expect((await requestJson(`${base}/settlements`, withKey(oldKey))).status).toBe(200);
    await sleep(PAST_LIFETIME_MS);
    expect(await requestJson(`${base}/validate`, withKey(oldKey))).toMatchObject({ status: 200, body: { isValid: false } });
    expect((await requestJson(`${base}/invoice/case`, withKey(oldKey))).status).toBe(401);
    expect((await requestJson(`${base}/renew`, withKey('wrong'))).status).toBe(401);
    const renewed = await requestJson(`${base}/renew`, withKey(oldKey));
    expect(renewed.status).toBe(200);
    const newKey = String(asRecord(renewed.body).Message);
    expect(newKey).not.toBe(oldKey);
    expect(await requestJson(`${base}/validate`, withKey(newKey))).toMatchObject({ status: 200, body: { isValid: true } });
    expect((await requestJson(`${base}/invoice/case`, withKey(newKey))).status).toBe(200);
    expect((await requestJson(`${base}/invoice/case`, withKey(oldKey))).status).toBe(401);
    expect((await requestJson(`${base}/validate`, withKey(oldKey))).status).toBe(401);
  });
});
