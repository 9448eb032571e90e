import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { createKeychainVault, vaultService } from '../../src-main/vault/vault';

// Runs under scripts/with-keyring.sh: a private D-Bus session with a fresh gnome-keyring.
describe('the keychain vault', () => {
  it('stores, reads and removes a secret under service Reskontra, account = connection id', async () => {
    const vault = createKeychainVault();
    const id = `vault-test-${Date.now()}`;
    await vault.write(id, '{"clientId":"a","clientSecret":"s3cr3t"}');
    expect(vaultService).toBe('Reskontra');
    expect(await keytar.getPassword('Reskontra', id)).toBe('{"clientId":"a","clientSecret":"s3cr3t"}');
    expect(await vault.read(id)).toBe('{"clientId":"a","clientSecret":"s3cr3t"}');
    await vault.write(id, 'replaced');
    expect(await vault.read(id)).toBe('replaced');
    await vault.remove(id);
    expect(await keytar.getPassword('Reskontra', id)).toBeNull();
    expect(await vault.read(id)).toBeNull();
  });

  it('removing a secret that is not there is not an error', async () => {
    await expect(createKeychainVault().remove('never-added')).resolves.toBeUndefined();
  });
});
