import { RpcError } from '../../src-shared/rpc/rpc-error';
import { findCredentialsInChild } from './list-in-child-process';

/** Where connection secrets live: the OS keychain, keyed by connection id. Nothing else. */
export interface Vault {
  read(connectionId: string): Promise<string | null>;
  write(connectionId: string, secret: string): Promise<void>;
  remove(connectionId: string): Promise<void>;
  /** Every entry under the service: the connection id and what is stored for it. */
  entries(): Promise<Array<{ connectionId: string; stored: string }>>;
}

export const vaultService = 'Reskontra';

/** The subset of keytar the vault uses (so the binding loads only when first needed). */
interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const installHint =
  'Reskontra keeps credentials only in the OS keychain. On Linux install and unlock gnome-keyring ' +
  '(or another Secret Service such as KeePassXC) in your desktop session; on macOS and Windows ' +
  'unlock the system keychain / Credential Manager. Then try again.';

/**
 * The keytar-backed vault. Any keychain failure (no Secret Service, a locked collection,
 * a refused prompt) becomes `keychain_unavailable`: there is no file or memory fallback.
 */
export function createKeychainVault(service: string = vaultService): Vault {
  let keychain: Promise<Keychain> | undefined;
  const load = (): Promise<Keychain> => {
    keychain ??= import('keytar').then(
      (module): Keychain => (module as { default?: Keychain }).default ?? module,
    );
    return keychain;
  };
  const guarded = async <T>(action: string, run: (chain: Keychain) => Promise<T>): Promise<T> => {
    let chain: Keychain;
    try {
      chain = await load();
    } catch (error) {
      keychain = undefined;
      throw unavailable(action, error);
    }
    try {
      return await run(chain);
    } catch (error) {
      throw unavailable(action, error);
    }
  };
  return {
    read: (connectionId) => guarded('read a secret from', (chain) => chain.getPassword(service, connectionId)),
    write: (connectionId, secret) =>
      guarded('store a secret in', (chain) => chain.setPassword(service, connectionId, secret)),
    remove: (connectionId) =>
      guarded('remove a secret from', async (chain) => {
        await chain.deletePassword(service, connectionId);
      }),
    entries: () =>
      // Not through `guarded`'s keytar: a listing can crash the process that runs it (see list-in-child-process).
      findCredentialsInChild(service).then(
        (found) => found.map(({ account, password }) => ({ connectionId: account, stored: password })),
        (error: unknown) => {
          throw unavailable('list the secrets in', error);
        },
      ),
  };
}

function unavailable(action: string, error: unknown): RpcError {
  return new RpcError(
    'keychain_unavailable',
    `Could not ${action} the OS keychain (${reason(error)}). ${installHint}`,
  );
}

/** The keychain's own reason, first line only: it names the failure, never a secret. */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0]?.trim() ?? '';
  return line === '' ? 'no reason given' : line.slice(0, 160);
}
