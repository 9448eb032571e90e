import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxProvider } from '../../sandbox/start-sandbox';
import type { Connection } from '../../src-shared/domain/connection';
import { streamsByProvider } from '../../src-shared/domain/provider';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';
import { connectionInputFor } from '../providers/support/sandbox-connections';
import { carriesCredential, startRecordingServer, type RecordingServer } from '../support/recording-server';

// Runs under scripts/with-keyring.sh (a real Secret Service).
const providers: readonly SandboxProvider[] = ['vettig', 'flowtly', 'confirma', 'aptic'];
let harness: RpcHarness;
let recorder: RecordingServer;
let sandbox: RunningSandbox | undefined;
let connection: Connection | undefined;

beforeAll(async () => {
  harness = await createRpcHarness();
  recorder = await startRecordingServer();
});
afterAll(async () => {
  await recorder.close();
  await harness.close();
});
afterEach(async () => {
  if (connection) await harness.call('connections.remove', { id: connection.id });
  await sandbox?.close();
  connection = undefined;
  sandbox = undefined;
  recorder.requests.length = 0;
});

async function connect(provider: SandboxProvider, variant: 'default' | 'client-credentials' = 'default'): Promise<{ secrets: string[] }> {
  sandbox = await startSandbox(provider, { scale: 5 });
  const input = connectionInputFor(sandbox, variant);
  connection = await harness.expectOk('connections.add', input);
  return { secrets: Object.values(input.secret as Record<string, string>) };
}

function expectNoCredentialSent(secrets: readonly string[]): void {
  for (const request of recorder.requests) expect(carriesCredential(request, secrets), recorder.transcript()).toBe(false);
}

describe('a stored secret is never sent to a host it was not entered for', () => {
  it.each(providers)('%s: moving the base URL without the secret is refused, in update and in a test of the unsaved values', async (provider) => {
    const { secrets } = await connect(provider);
    const id = connection!.id;

    const update = await harness.call('connections.update', { id, baseUrl: recorder.baseUrl });
    expect(update).toMatchObject({ ok: false, error: { code: 'secret_required', details: { provider } } });
    if (!update.ok) expect(update.error.message).toMatch(/needs the .* credentials again/);
    const test = await harness.call('connections.test', { id, baseUrl: recorder.baseUrl, label: 'renamed' });
    expect(test).toMatchObject({ ok: false, error: { code: 'secret_required' } });

    // Nothing changed: the connection still points at the sandbox and still works there.
    expect((await harness.expectOk('connections.list', {})).connections).toEqual([connection]);
    expect(await harness.expectOk('connections.test', { id })).toEqual({ ok: true });
    expect(recorder.requests).toEqual([]);
    expectNoCredentialSent(secrets);
  });

  it.each([
    ['aptic', 'default'],
    ['vettig', 'client-credentials'],
  ] as const)('%s: a new token path without the secret is refused too', async (provider, variant) => {
    await connect(provider, variant);
    const result = await harness.call('connections.update', { id: connection!.id, settings: { tokenPath: '/steal/token' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'secret_required' } });
    const test = await harness.call('connections.test', { id: connection!.id, settings: { tokenPath: '/steal/token' } });
    expect(test).toMatchObject({ ok: false, error: { code: 'secret_required' } });
  });

  it('the same edit with the secret typed again goes through, and only the new secret reaches the new host', async () => {
    const { secrets } = await connect('flowtly');
    const id = connection!.id;
    const typed = { apiToken: 'typed-for-the-new-host-0123' };

    const tested = await harness.expectOk('connections.test', { id, baseUrl: recorder.baseUrl, secret: typed });
    expect(tested).toMatchObject({ ok: false, error: { code: 'credentials_refused', details: { provider: 'flowtly' } } });
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(recorder.transcript()).toContain(typed.apiToken);
    for (const secret of secrets) expect(recorder.transcript()).not.toContain(secret);

    const moved = await harness.expectOk('connections.update', { id, baseUrl: recorder.baseUrl, secret: typed });
    expect(moved.baseUrl).toBe(recorder.baseUrl);
    connection = moved;
    await harness.call('sync.page', { connectionId: id, stream: 'invoices', cursor: null });
    for (const secret of secrets) expect(recorder.transcript()).not.toContain(secret);
  });

  it('a test of unsaved values that keep the address uses the stored secret', async () => {
    await connect('aptic');
    expect(await harness.expectOk('connections.test', { id: connection!.id, label: 'Aptic, renamed' })).toEqual({ ok: true });
    // Not saved: the file still has the old name.
    expect((await harness.expectOk('connections.list', {})).connections[0]?.label).toBe(connection!.label);
  });

  it.each(providers)('%s: a connections file pointed elsewhere behind the app finds no secret to send', async (provider) => {
    const { secrets } = await connect(provider);
    const file = join(harness.dataDir, 'connections.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.split(sandbox!.baseUrl).join(recorder.baseUrl));

    const tested = await harness.expectOk('connections.test', { id: connection!.id });
    expect(tested).toMatchObject({ ok: false, error: { code: 'credentials_missing', details: { provider } } });
    const page = await harness.call('sync.page', { connectionId: connection!.id, stream: streamsByProvider[provider][0], cursor: null });
    expect(page).toMatchObject({ ok: false, error: { code: 'credentials_missing' } });
    expect(recorder.requests).toEqual([]);
    expectNoCredentialSent(secrets);
  });
});
