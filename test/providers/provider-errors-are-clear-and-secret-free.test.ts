import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxProvider } from '../../sandbox/start-sandbox';
import { providerNames, streamsByProvider } from '../../src-shared/domain/provider';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';
import { connectionInputFor, startSandboxConnection } from './support/sandbox-connections';
import { startSandbox } from '../../sandbox/start-sandbox';

// Runs under scripts/with-keyring.sh.
let harness: RpcHarness;
const secrets: string[] = [];
beforeAll(async () => {
  harness = await createRpcHarness();
});
afterAll(async () => {
  const transcript = harness.transcript();
  for (const secret of secrets) expect(transcript).not.toContain(secret);
  await harness.close();
});

const providers = ['vettig', 'flowtly', 'confirma', 'aptic'] as const satisfies readonly SandboxProvider[];

describe('a provider answering 200 with the wrong shape, every time', () => {
  it.each(providers)('%s: the page fails with one error naming the provider and the field', async (provider) => {
    const { sandbox, connection } = await startSandboxConnection(harness, provider, { scale: 20, faults: { wrongShape: 1 } });
    secrets.push(...Object.values(sandbox.credentials));
    try {
      const stream = streamsByProvider[provider][0];
      const result = await harness.call('sync.page', { connectionId: connection.id, stream, cursor: null });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('provider_unreadable');
      expect(result.error.details?.provider).toBe(provider);
      expect(result.error.message).toContain(`${providerNames[provider]} sent data Reskontra cannot read`);
      expect(result.error.message).toMatch(/field |the body/);
    } finally {
      await harness.call('connections.remove', { id: connection.id });
      await sandbox.close();
    }
  });
});

describe('a provider answering with garbage that is not JSON, every time', () => {
  it('is a validation error, not a crash', async () => {
    const { sandbox, connection } = await startSandboxConnection(harness, 'aptic', { scale: 20, faults: { malformed: 1 } });
    secrets.push(...Object.values(sandbox.credentials));
    try {
      const result = await harness.call('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: null });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'provider_unreadable',
          message: 'Aptic sent data Reskontra cannot read: the response is not valid JSON',
          details: { provider: 'aptic', said: 'the response is not valid JSON', problem: { code: 'json' } },
        },
      });
    } finally {
      await harness.call('connections.remove', { id: connection.id });
      await sandbox.close();
    }
  });
});

describe('wrong credentials', () => {
  it.each(providers)('%s: connections.test answers credentials_refused with the provider reason, without the secret, until the secret is fixed', async (provider) => {
    const sandbox = await startSandbox(provider, { scale: 5 });
    const input = connectionInputFor(sandbox);
    const wrongSecret = Object.fromEntries(Object.keys(input.secret).map((key) => [key, `wrong-${key}-0123456789`]));
    secrets.push(...Object.values(sandbox.credentials), ...Object.values(wrongSecret));
    try {
      const connection = await harness.expectOk('connections.add', { ...input, secret: wrongSecret } as never);
      const tested = await harness.expectOk('connections.test', { id: connection.id });
      expect(tested.ok).toBe(false);
      if (tested.ok) return;
      expect(tested.error).toMatchObject({ code: 'credentials_refused', details: { provider } });
      expect(tested.error.message).toContain(providerNames[provider]);
      expect(tested.error.message).toMatch(/rejected the credentials/i);
      for (const value of Object.values(wrongSecret)) expect(JSON.stringify(tested.error)).not.toContain(value);
      const page = await harness.call('sync.page', { connectionId: connection.id, stream: streamsByProvider[provider][0], cursor: null });
      expect(page).toMatchObject({ ok: false, error: { code: 'credentials_refused', details: { provider } } });
      // Typing the right secret in fixes it at once: the next call uses the new credentials.
      await harness.expectOk('connections.update', { id: connection.id, secret: input.secret });
      expect(await harness.expectOk('connections.test', { id: connection.id })).toEqual({ ok: true });
      await harness.expectOk('connections.remove', { id: connection.id });
    } finally {
      await sandbox.close();
    }
  });

  it('an unreachable provider is provider_unreachable, named, not the app being offline', async () => {
    const sandbox = await startSandbox('flowtly', { scale: 5 });
    const input = connectionInputFor(sandbox);
    await sandbox.close();
    const connection = await harness.expectOk('connections.add', input);
    const tested = await harness.expectOk('connections.test', { id: connection.id });
    expect(tested).toEqual({
      ok: false,
      error: { code: 'provider_unreachable', message: 'Could not reach Flowtly; check the network and the base URL.', details: { provider: 'flowtly' } },
    });
    const page = await harness.call('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: null });
    expect(page).toMatchObject({ ok: false, error: { code: 'provider_unreachable', details: { provider: 'flowtly' } } });
    await harness.expectOk('connections.remove', { id: connection.id });
  });
});

describe("the provider's own words", () => {
  it('Aptic problem details (title and detail) reach the user when a token keeps expiring', async () => {
    const { sandbox, connection } = await startSandboxConnection(harness, 'aptic', { scale: 5, faults: { expireToken: 1 } });
    secrets.push(...Object.values(sandbox.credentials));
    try {
      const result = await harness.call('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: null });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'credentials_refused',
          message: 'Aptic rejected the credentials (401 Unauthorized): Unauthorized — The access token has expired.',
          details: { provider: 'aptic', said: '401 Unauthorized: Unauthorized — The access token has expired' },
        },
      });
    } finally {
      await harness.call('connections.remove', { id: connection.id });
      await sandbox.close();
    }
  });

  it("Aptic's token endpoint reason reaches connections.test", async () => {
    const sandbox = await startSandbox('aptic', { scale: 5 });
    secrets.push(...Object.values(sandbox.credentials));
    try {
      const input = connectionInputFor(sandbox);
      const connection = await harness.expectOk('connections.add', {
        ...input,
        secret: { clientId: sandbox.credentials['clientId'] ?? '', clientSecret: 'not-the-aptic-secret-42' },
      } as never);
      secrets.push('not-the-aptic-secret-42');
      expect(await harness.expectOk('connections.test', { id: connection.id })).toEqual({
        ok: false,
        error: {
          code: 'credentials_refused',
          message: 'Aptic rejected the credentials (401 Unauthorized): Unknown client_id or wrong client_secret.',
          details: { provider: 'aptic', said: '401 Unauthorized: Unknown client_id or wrong client_secret' },
        },
      });
      await harness.expectOk('connections.remove', { id: connection.id });
    } finally {
      await sandbox.close();
    }
  });
});

describe('cursors', () => {
  it('a cursor Reskontra did not make is refused', async () => {
    const { sandbox, connection } = await startSandboxConnection(harness, 'aptic', { scale: 5 });
    try {
      const result = await harness.call('sync.page', { connectionId: connection.id, stream: 'invoices', cursor: 'eyJza2lwIjotMX0' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const wrongStream = await harness.call('sync.page', { connectionId: connection.id, stream: 'events', cursor: null });
      expect(wrongStream).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Aptic has no stream "events".' } });
    } finally {
      await harness.call('connections.remove', { id: connection.id });
      await sandbox.close();
    }
  });
});
