import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Connection } from '../../src-shared/domain/connection';
import type { ConnectionsWarning } from '../../src-shared/rpc/connections-warning';
import type { RpcInput } from '../../src-shared/rpc/contract';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { call } from '../bridge/bridge';
import { cacheDatabase } from '../db/cache-database';
import { removeConnectionData } from '../db/remove-connection-data';
import { removeOrphans } from '../db/remove-orphans';
import { needsCredentials } from '../i18n/error-message';
import { whenConnectionFree } from '../sync/connection-lock';
import { onNewsFromOtherWindows, tellOtherWindows } from '../sync/connection-news';
import { useSyncStore } from './sync';

export type TestAnswer = { ok: true } | { ok: false; error: unknown };

/** The user's connections as main holds them (settings only: secrets never come back). */
export const useConnectionsStore = defineStore('connections', () => {
  const connections = ref<Connection[]>([]);
  const warnings = ref<ConnectionsWarning[]>([]);
  const loaded = ref(false);
  const loadError = ref<unknown>(null);

  /** The last Test answer per connection: ok, or why not (an RpcError from main). */
  const testResults = ref<Record<string, TestAnswer>>({});
  /** Per connection, the unsaved values whose Test last passed: saving exactly those settles a credentials error. */
  const passedValues = new Map<string, string>();
  let orphansChecked = false;

  async function load(): Promise<void> {
    try {
      const list = await call('connections.list', {});
      connections.value = list.connections;
      warnings.value = list.warnings;
      loadError.value = null;
      if (!orphansChecked) {
        orphansChecked = true;
        void removeOrphanedData();
      }
    } catch (error) {
      loadError.value = error;
    } finally {
      loaded.value = true;
    }
  }

  /**
   * Once per start, after main's list arrived: the cached data of connections main no longer
   * knows (the window closed mid-removal) goes. Main's answer counts only when it came and main
   * could read its connections file; an unreadable file lists nothing and is no removal.
   */
  async function removeOrphanedData(): Promise<void> {
    const known = async () => {
      try {
        const list = await call('connections.list', {});
        return list.warnings.length === 0 ? new Set(list.connections.map((item) => item.id)) : null;
      } catch {
        return null;
      }
    };
    try {
      const removed = await removeOrphans(cacheDatabase(), known, whenConnectionFree);
      if (removed.length > 0) useSyncStore().revision += 1;
    } catch {
      // The next start tries again; nothing shown depends on it having run.
    }
  }

  async function add(input: RpcInput<'connections.add'>): Promise<Connection> {
    const connection = await call('connections.add', input);
    connections.value = [...connections.value, connection];
    return connection;
  }

  async function update(input: RpcInput<'connections.update'>): Promise<Connection> {
    const connection = await call('connections.update', input);
    if (passedValues.get(input.id) === JSON.stringify(input)) await forgetCredentialErrors(input.id);
    connections.value = connections.value.map((item) => (item.id === connection.id ? connection : item));
    // An earlier Test answer was about the values before this change.
    const { [connection.id]: _outdated, ...others } = testResults.value;
    testResults.value = others;
    return connection;
  }

  /**
   * Every window stops syncing the connection, and this one waits until none holds it (the page
   * being written is kept, then deleted with the rest). Main forgets the connection and its secret
   * first; only then does its cached data go, in one transaction.
   */
  async function remove(id: string): Promise<void> {
    tellOtherWindows({ kind: 'removing', connectionId: id });
    await whenConnectionFree(id, async () => {
      await call('connections.remove', { id });
      connections.value = connections.value.filter((item) => item.id !== id);
      await removeConnectionData(cacheDatabase(), id);
    });
    tellOtherWindows({ kind: 'removed', connectionId: id });
  }
  onNewsFromOtherWindows(({ kind, connectionId }) => {
    if (kind === 'removed') connections.value = connections.value.filter((item) => item.id !== connectionId);
  });

  async function test(id: string): Promise<void> {
    const answer = await testValues({ id });
    if (answer.ok) await forgetCredentialErrors(id);
    testResults.value = { ...testResults.value, [id]: answer };
  }

  /** Credentials that pass a test make a stored "credentials refused" stale: the card stops showing it. */
  async function forgetCredentialErrors(id: string): Promise<void> {
    await useSyncStore().forgetErrors(id, needsCredentials);
  }

  /** Tests a connection with the values given (unsaved edits), or as saved with only the id. */
  async function testValues(input: RpcInput<'connections.test'>): Promise<TestAnswer> {
    try {
      const answer = await call('connections.test', input);
      if (answer.ok) passedValues.set(input.id, JSON.stringify(input));
      else passedValues.delete(input.id);
      return answer.ok ? answer : { ok: false, error: RpcError.fromBody(answer.error) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  function byId(id: string): Connection | undefined {
    return connections.value.find((item) => item.id === id);
  }

  return { connections, warnings, loaded, loadError, testResults, load, add, update, remove, test, testValues, byId };
});
