import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionsStore } from '../../src-main/connections/connections-store';
import type { Connection } from '../../src-shared/domain/connection';
import type { Vault } from '../../src-main/vault/vault';
import { createRpcHarness } from '../providers/support/rpc-harness';

/** connections.list never touches the keychain; this vault proves it by refusing every call. */
const memoryLessVault: Vault = {
  entries: () => Promise.reject(new Error('the keychain must not be listed by connections.list')),
  read: () => Promise.reject(new Error('the keychain must not be read by connections.list')),
  write: () => Promise.reject(new Error('the keychain must not be written by connections.list')),
  remove: () => Promise.reject(new Error('the keychain must not be touched by connections.list')),
};

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reskontra-connections-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const connection = (id: string): Connection => ({
  id,
  provider: 'confirma',
  label: `Confirma ${id}`,
  baseUrl: 'https://staging-integrations.confirmafinance.com',
  settings: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('the connections file', () => {
  it.each([
    ['not JSON', '{"version":1,"connections":[', /not valid JSON/],
    ['a wrong shape', JSON.stringify({ version: 1, connection: [] }), /connections/],
  ])('with %s is kept aside as .corrupt-<time> and reported', async (_, content, reason) => {
    await writeFile(join(dataDir, 'connections.json'), content);
    const store = createConnectionsStore(dataDir);
    const { connections, warnings } = await store.read();
    expect(connections).toEqual([]);
    const [warning] = warnings.map((item) => item.message);
    expect(warning).toMatch(reason);
    const kept = (await readdir(dataDir)).filter((name) => name.startsWith('connections.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(warning).toContain(kept[0]);
    expect(await readFile(join(dataDir, kept[0] ?? ''), 'utf8')).toBe(content);
  });

  it('is reported through connections.list, and adding a connection afterwards starts a fresh file', async () => {
    await writeFile(join(dataDir, 'connections.json'), 'garbage');
    const harness = await createRpcHarness({ dataDir, vault: memoryLessVault });
    const listed = await harness.expectOk('connections.list', {});
    expect(listed.connections).toEqual([]);
    expect(listed.warnings).toHaveLength(1);
    expect(listed.warnings[0]?.message).toMatch(/connections file could not be read whole \(it is not valid JSON\)\. The original was kept as .*connections\.json\.corrupt-/);
  });

  it('survives concurrent changes: every write lands, atomically, with no temp files left', async () => {
    const store = createConnectionsStore(dataDir);
    await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        store.update((connections) => ({ connections: [...connections, connection(`c${n}`)], result: undefined })),
      ),
    );
    expect((await store.list()).map((item) => item.id).sort()).toEqual(Array.from({ length: 25 }, (_, n) => `c${n}`).sort());
    expect(await readdir(dataDir)).toEqual(['connections.json']);
    const reread = createConnectionsStore(dataDir);
    expect(await reread.list()).toHaveLength(25);
    expect((await reread.read()).warnings).toEqual([]);
  });

  it('a failed change leaves the file as it was', async () => {
    const store = createConnectionsStore(dataDir);
    await store.update(() => ({ connections: [connection('keep')], result: undefined }));
    await expect(
      store.update(() => {
        throw new Error('change refused');
      }),
    ).rejects.toThrow('change refused');
    expect((await store.list()).map((item) => item.id)).toEqual(['keep']);
  });
});
