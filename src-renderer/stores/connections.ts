import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Connection } from '../../src-shared/domain/connection';
import type { RpcInput } from '../../src-shared/rpc/contract';
import { call } from '../bridge/bridge';
import { cacheDatabase } from '../db/cache-database';
import { removeConnectionData } from '../db/remove-connection-data';

/** The user's connections as main holds them (settings only: secrets never come back). */
export const useConnectionsStore = defineStore('connections', () => {
  const connections = ref<Connection[]>([]);
  const warnings = ref<string[]>([]);
  const loaded = ref(false);
  const loadError = ref<unknown>(null);

  async function load(): Promise<void> {
    try {
      const list = await call('connections.list', {});
      connections.value = list.connections;
      warnings.value = list.warnings;
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    } finally {
      loaded.value = true;
    }
  }

  async function add(input: RpcInput<'connections.add'>): Promise<Connection> {
    const connection = await call('connections.add', input);
    connections.value = [...connections.value, connection];
    return connection;
  }

  async function update(input: RpcInput<'connections.update'>): Promise<Connection> {
    const connection = await call('connections.update', input);
    connections.value = connections.value.map((item) => (item.id === connection.id ? connection : item));
    return connection;
  }

  /** Main forgets the connection and its secret first; only then does its cached data go. */
  async function remove(id: string): Promise<void> {
    await call('connections.remove', { id });
    connections.value = connections.value.filter((item) => item.id !== id);
    await removeConnectionData(cacheDatabase(), id);
  }

  /** The last Test answer per connection: ok, or the provider's reason, or an app error. */
  const testResults = ref<Record<string, { ok: true } | { ok: false; reason: string } | { ok: false; error: unknown }>>({});

  async function test(id: string): Promise<void> {
    try {
      testResults.value = { ...testResults.value, [id]: await call('connections.test', { id }) };
    } catch (error) {
      testResults.value = { ...testResults.value, [id]: { ok: false, error } };
    }
  }

  function byId(id: string): Connection | undefined {
    return connections.value.find((item) => item.id === id);
  }

  return { connections, warnings, loaded, loadError, testResults, load, add, update, remove, test, byId };
});
