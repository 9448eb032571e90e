import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewConnection } from '../../src-shared/domain/connection';
import { streamsByProvider } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { syncConnection, type FetchPage } from '../../src-renderer/sync/sync-connection';
import { memoryCache } from '../support/memory-cache';
import { echoFormats, echoModes, startEchoProvider, type EchoProvider } from './support/echo-provider';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';
import { unpackSyncPage } from '../../src-shared/rpc/packed-sync-page';

// Runs under scripts/with-keyring.sh: the secrets go through the real keychain.
// Secrets full of characters that every encoding changes: + / = & % space quote backslash < > é.
const secret = (name: string, unicode = false) =>
  `${name}Zq8+Lm/w4Rt=Kp2&Xs9%Vb q"\\<x>'~${unicode ? 'é€' : ''}${randomBytes(6).toString('hex')}`;

/** The shortest fragment of a secret that must not survive: see `minPartialLength`. */
const fragment = 8;

/**
 * Every way the secret may show (the test's own list, not the app's): each encoding of every
 * prefix and suffix of at least `fragment` characters, and the base64 of any text holding it.
 */
function traces(value: string): string[] {
  const chars = [...value];
  // Each encoding works character by character, so a longer fragment contains the shortest one.
  const pieces = [chars.slice(0, fragment).join(''), chars.slice(-fragment).join('')];
  const encodings = [
    (text: string) => text,
    encodeURIComponent,
    (text: string) => new URLSearchParams({ v: text }).toString().slice(2),
    (text: string) => encodeURIComponent(encodeURIComponent(text)),
    (text: string) => JSON.stringify(text).slice(1, -1).replace(/\//g, '\\/'),
    (text: string) => text.replace(/[^A-Za-z0-9]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ];
  const found = pieces.flatMap((piece) => encodings.map((encode) => encode(piece)));
  // base64 of `x<value>y` for the three alignments: the characters that come from the value alone.
  for (let offset = 0; offset < 3; offset += 1) {
    const bytes = Buffer.from(value, 'utf8');
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 4) / 3), Math.floor(((offset + bytes.length) * 4) / 3));
    found.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return found;
}

function expectNoTrace(text: string, secrets: readonly string[]): void {
  for (const value of secrets) {
    for (const trace of traces(value)) {
      if (text.includes(trace)) expect.fail(`a trace of a secret survived: ${JSON.stringify(trace)} in ${text.slice(0, 2_000)}`);
    }
  }
}

let harness: RpcHarness;
let echo: EchoProvider;
beforeAll(async () => {
  harness = await createRpcHarness();
  echo = await startEchoProvider();
});
afterAll(async () => {
  await echo.close();
  await harness.close();
});

function connections(baseUrl: string, tokenPath: string): Array<{ name: string; input: NewConnection; secrets: string[] }> {
  const vettigKey = secret('vk');
  const vettigId = secret('vi');
  const vettigSecret = secret('vs', true);
  const flowtly = secret('ft');
  const confirma = secret('ck');
  const apticId = secret('ai');
  const apticSecret = secret('as', true);
  const settings = { organisationNumber: '5560000000', currency: 'SEK' };
  return [
    { name: 'vettig API key', input: { provider: 'vettig', label: 'V key', baseUrl, settings, secret: { apiKey: vettigKey } }, secrets: [vettigKey] },
    {
      name: 'vettig client credentials',
      input: { provider: 'vettig', label: 'V cc', baseUrl, settings: { ...settings, tokenPath }, secret: { clientId: vettigId, clientSecret: vettigSecret } },
      secrets: [vettigId, vettigSecret],
    },
    { name: 'flowtly token', input: { provider: 'flowtly', label: 'F', baseUrl, settings: { currency: 'EUR' }, secret: { apiToken: flowtly } }, secrets: [flowtly] },
    { name: 'confirma key', input: { provider: 'confirma', label: 'C', baseUrl, settings: {}, secret: { apiKey: confirma } }, secrets: [confirma] },
    {
      name: 'aptic client credentials',
      input: { provider: 'aptic', label: 'A', baseUrl, settings: { tokenPath }, secret: { clientId: apticId, clientSecret: apticSecret } },
      secrets: [apticId, apticSecret],
    },
  ];
}

describe('a provider that echoes the credentials it received', () => {
  it('never gets a secret, in any encoding or fragment, into an RpcError or the sync state the renderer stores', async () => {
    const all = connections(echo.baseUrl, echo.tokenPath);
    const { db } = memoryCache();
    const fetchPage: FetchPage = async (input) => {
      const result = await harness.call('sync.page', input);
      if (!result.ok) throw RpcError.fromBody(result.error);
      return unpackSyncPage(result.value);
    };
    const statuses = [400, 401, 403, 422, 500];
    let round = 0;
    for (const { input } of all) {
      const connection = await harness.expectOk('connections.add', input);
      for (const mode of echoModes) {
        for (const refuseTokens of [false, true]) {
          if (refuseTokens && !('clientSecret' in input.secret)) continue;
          Object.assign(echo, { mode, refuseTokens, format: echoFormats[round % echoFormats.length], status: statuses[round % statuses.length] });
          round += 1;
          const tested = await harness.expectOk('connections.test', { id: connection.id });
          expect(tested.ok).toBe(false);
          await expect(
            syncConnection(db, fetchPage, { id: connection.id, provider: input.provider }, { full: false, signal: new AbortController().signal }),
          ).rejects.toBeInstanceOf(RpcError);
        }
      }
      // The first stream failed and stopped the sync; the others are asked directly.
      for (const stream of streamsByProvider[input.provider].slice(1)) await harness.call('sync.page', { connectionId: connection.id, stream, cursor: null } as never);
    }
    const secrets = [...all.flatMap((connection) => connection.secrets), ...echo.tokens];
    const stored = JSON.stringify(await db.syncState.toArray());
    expect(stored).toContain('received');
    expectNoTrace(stored, secrets);
    const transcript = harness.transcript();
    expect(transcript).toContain('received');
    expectNoTrace(transcript, secrets);
  });
});
