import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createKeychainVault } from '../../src-main/vault/vault';
import { RpcError } from '../../src-shared/rpc/rpc-error';

// Runs under scripts/with-keyring.sh. libsecret can hand keytar's findCredentials an item whose
// secret is gone (another process deleted or replaced it between the search and the read);
// keytar then copies a null pointer and the whole process dies (seen in CI as
// "libsecret-CRITICAL: secret_value_get_text: assertion 'value' failed" and a main process that
// exits on a signal at start-up, when it looks for orphaned entries).

const keytarPath = createRequire(import.meta.url).resolve('keytar');

/** Another process that adds and deletes entries under `service` as fast as it can. */
function churn(service: string) {
  const script = `
    const keytar = require(${JSON.stringify(keytarPath)});
    let n = 0;
    (async () => {
      for (;;) {
        const account = 'churn-' + (n++ % 8);
        await keytar.setPassword(${JSON.stringify(service)}, account, 'x'.repeat(64));
        await keytar.deletePassword(${JSON.stringify(service)}, account);
      }
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  return () => child.kill('SIGKILL');
}

describe('listing the keychain', () => {
  it('answers or fails with a clear keychain error while another process changes the entries, and never takes this process down', async () => {
    const service = `Reskontra-listing-${process.pid}`;
    const vault = createKeychainVault(service);
    await vault.write('kept', 'the entry that stays');
    const stopChurn = churn(service);
    let answered = 0;
    try {
      for (let round = 0; round < 20; round += 1) {
        const outcome = await vault.entries().then(
          (entries) => entries,
          (error: unknown) => error,
        );
        if (Array.isArray(outcome)) {
          answered += 1;
          expect(outcome).toContainEqual({ connectionId: 'kept', stored: 'the entry that stays' });
        } else {
          expect(outcome).toBeInstanceOf(RpcError);
          expect((outcome as RpcError).code).toBe('keychain_unavailable');
        }
      }
    } finally {
      stopChurn();
      await vault.remove('kept');
    }
    // Retries make a listing that met a vanished entry answer on a later try.
    expect(answered).toBeGreaterThan(0);
  }, 120_000);
});
