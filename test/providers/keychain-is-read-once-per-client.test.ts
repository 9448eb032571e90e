import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { createSecretRedaction } from '../../src-main/providers/secret-redaction';
import { createKeychainVault, type Vault } from '../../src-main/vault/vault';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';
import { startSandboxConnection, walkStream } from './support/sandbox-connections';

// Runs under scripts/with-keyring.sh: the real keychain, counted on the way through.
const keychain = createKeychainVault();
let reads = 0;
const counted: Vault = {
  ...keychain,
  read: (id) => {
    reads += 1;
    return keychain.read(id);
  },
};

let harness: RpcHarness;
let sandbox: RunningSandbox;
let connectionId: string;
beforeAll(async () => {
  harness = await createRpcHarness({ vault: counted });
  // 4,950 invoices and their drafts: at least 50 pages of 100, one request each.
  const started = await startSandboxConnection(harness, 'flowtly', { scale: 4_950 });
  sandbox = started.sandbox;
  connectionId = started.connection.id;
});
afterAll(async () => {
  await harness.call('connections.remove', { id: connectionId });
  await sandbox.close();
  await harness.close();
});

describe('the keychain during a sync', () => {
  it('is read once for a 50-request Flowtly sync, and once more after the connection is edited', async () => {
    reads = 0;
    const invoices = await walkStream(harness, connectionId, 'invoices');
    const transactions = await walkStream(harness, connectionId, 'invoice-transactions');
    expect(invoices.pages).toBeGreaterThanOrEqual(50);
    expect(transactions.records.length).toBeGreaterThan(0);
    expect(reads).toBe(1);

    await harness.expectOk('connections.update', { id: connectionId, label: 'Flowtly, renamed' });
    await walkStream(harness, connectionId, 'invoices');
    expect(reads).toBe(2);
    // Two walks of ~5,000 invoices with a row call each: a minute on two busy cores.
  }, 180_000);
});

describe('the redaction list', () => {
  it('holds each secret once however often it is told', () => {
    const redaction = createSecretRedaction();
    for (let i = 0; i < 1_000; i += 1) redaction.remember('flowtly-token-0123456789', `token-${i % 3}-abcdefgh`);
    expect(redaction.size).toBe(4);
    expect(redaction.redact('got flowtly-token-0123456789 and token-2-abcdefgh')).toBe('got *** and ***');
  });
});
