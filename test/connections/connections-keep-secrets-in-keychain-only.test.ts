import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretDestination } from '../../src-shared/domain/connection';
import { keychainEntry } from '../support/keychain-entry';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';

// Runs under scripts/with-keyring.sh (a real Secret Service). No provider is contacted here.
let harness: RpcHarness;
afterEach(() => harness.close());

describe('connections.add / update / remove', () => {
  it('keeps the secret in the OS keychain, the settings in the file, and returns neither secret', async () => {
    harness = await createRpcHarness();
    const added = await harness.expectOk('connections.add', {
      provider: 'aptic',
      label: 'Aptic production',
      baseUrl: 'https://api.aptic.example/',
      secret: { clientId: 'client-one', clientSecret: 'aptic-super-secret-1' },
    });
    expect(added).toMatchObject({
      provider: 'aptic',
      label: 'Aptic production',
      baseUrl: 'https://api.aptic.example',
      settings: { tokenPath: '/login/oauth/access_token' },
    });
    expect(JSON.stringify(added)).not.toContain('aptic-super-secret-1');
    expect(await keychainEntry(added.id)).toEqual({
      sendTo: secretDestination(added),
      secret: { clientId: 'client-one', clientSecret: 'aptic-super-secret-1' },
      folder: harness.dataDir,
    });
    const file = await readFile(join(harness.dataDir, 'connections.json'), 'utf8');
    expect(file).toContain('Aptic production');
    expect(file).not.toContain('aptic-super-secret-1');
    expect(file).not.toContain('client-one');

    const listed = await harness.expectOk('connections.list', {});
    expect(listed).toEqual({ connections: [added], warnings: [] });

    const updated = await harness.expectOk('connections.update', {
      id: added.id,
      label: 'Aptic prod',
      secret: { clientId: 'client-two', clientSecret: 'aptic-super-secret-2' },
    });
    expect(updated.label).toBe('Aptic prod');
    expect(updated.updatedAt > added.updatedAt).toBe(true);
    expect((await keychainEntry(added.id))?.secret).toEqual({ clientId: 'client-two', clientSecret: 'aptic-super-secret-2' });

    await harness.expectOk('connections.remove', { id: added.id });
    expect(await keychainEntry(added.id)).toBeNull();
    expect((await harness.expectOk('connections.list', {})).connections).toEqual([]);

    const transcript = harness.transcript();
    for (const secret of ['aptic-super-secret-1', 'aptic-super-secret-2', 'client-one', 'client-two']) {
      expect(transcript).not.toContain(secret);
    }
  });

  it('checks settings and secrets against the provider', async () => {
    harness = await createRpcHarness();
    const missingSecret = await harness.call('connections.add', {
      provider: 'vettig',
      label: 'Vettig',
      baseUrl: 'https://api.vettig.example',
      settings: { organisationNumber: '5592240425' },
      secret: { clientId: 'only-half' },
    } as never);
    expect(missingSecret).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!missingSecret.ok) expect(missingSecret.error.message).not.toContain('only-half');

    const added = await harness.expectOk('connections.add', {
      provider: 'vettig',
      label: 'Vettig — Acme AB',
      baseUrl: 'https://api.vettig.example',
      settings: { organisationNumber: '5592240425' },
      secret: { apiKey: 'vettig-key-123456' },
    });
    expect(added.settings).toEqual({ organisationNumber: '5592240425', currency: 'SEK' });
    const badSettings = await harness.call('connections.update', { id: added.id, settings: { currency: 'kronor' } });
    expect(badSettings).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const wrongSecret = await harness.call('connections.update', { id: added.id, secret: { apiToken: 'x' } });
    expect(wrongSecret).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await keychainEntry(added.id))?.secret).toEqual({ apiKey: 'vettig-key-123456' });
    await harness.expectOk('connections.remove', { id: added.id });
  });

  it('answers not_found for an unknown connection', async () => {
    harness = await createRpcHarness();
    expect(await harness.call('connections.remove', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await harness.call('connections.test', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await harness.call('sync.page', { connectionId: 'nope', stream: 'events', cursor: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
