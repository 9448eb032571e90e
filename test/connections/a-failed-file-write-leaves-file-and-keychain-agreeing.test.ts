import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretDestination, type Connection } from '../../src-shared/domain/connection';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';
import { keychainEntry } from '../support/keychain-entry';

// Runs under scripts/with-keyring.sh (a real Secret Service).

/**
 * A data folder where connections.json can be read but no file can be written: its path is just
 * short enough for `connections.json` and too long (PATH_MAX, 4096 bytes) for the temporary file
 * every save writes first. A real file-system failure that holds for root too (a read-only
 * folder does not stop root).
 */
async function folderThatCannotBeWritten(): Promise<string> {
  let folder = await mkdtemp(join(tmpdir(), 'reskontra-full-'));
  const target = 4070; // + "/connections.json" (17) fits in 4095; + ".tmp-<pid>-<uuid>" (43+) does not
  while (folder.length < target) folder = join(folder, 'd'.repeat(Math.min(200, target - folder.length - 1)));
  await mkdir(folder, { recursive: true });
  return folder;
}

let harnesses: RpcHarness[] = [];
let cleanUp: string[] = [];
afterEach(async () => {
  for (const harness of harnesses) await harness.close();
  for (const folder of cleanUp) await rm(folder, { recursive: true, force: true });
  harnesses = [];
  cleanUp = [];
});

describe('connections.update when the connections file cannot be written', () => {
  it('changes neither the file nor the keychain: the old secret stays bound to the old address', async () => {
    const writable = await createRpcHarness();
    harnesses.push(writable);
    const added = await writable.expectOk('connections.add', {
      provider: 'aptic',
      label: 'Aptic',
      baseUrl: 'https://old.aptic.example',
      secret: { clientId: 'old-client', clientSecret: 'old-secret-0123' },
    });
    try {
      const stuck = await folderThatCannotBeWritten();
      cleanUp.push(stuck.slice(0, stuck.indexOf('/d')));
      await copyFile(join(writable.dataDir, 'connections.json'), join(stuck, 'connections.json'));
      const before = await readFile(join(stuck, 'connections.json'), 'utf8');
      const harness = await createRpcHarness({ dataDir: stuck });

      const result = await harness.call('connections.update', {
        id: added.id,
        baseUrl: 'https://new.aptic.example',
        secret: { clientId: 'new-client', clientSecret: 'new-secret-0123' },
      });
      expect(result.ok).toBe(false);

      expect(await readFile(join(stuck, 'connections.json'), 'utf8')).toBe(before);
      expect(await keychainEntry(added.id)).toEqual({
        sendTo: secretDestination(added),
        secret: { clientId: 'old-client', clientSecret: 'old-secret-0123' },
        folder: writable.dataDir,
      });
      const listed: Connection[] = (await harness.expectOk('connections.list', {})).connections;
      expect(listed.map((connection) => connection.baseUrl)).toEqual(['https://old.aptic.example']);
    } finally {
      await writable.call('connections.remove', { id: added.id });
    }
  });
});

describe('connections.remove when the connections file cannot be written', () => {
  // Found by `npm run crash` seed 30: the host SIGKILLed between the keychain removal and the
  // file write left a connection without its secret ("no usable credentials").
  it('keeps the connection and its secret: never a connection in the file without its keychain entry', async () => {
    const writable = await createRpcHarness();
    harnesses.push(writable);
    const added = await writable.expectOk('connections.add', {
      provider: 'aptic',
      label: 'Aptic',
      baseUrl: 'https://kept.aptic.example',
      secret: { clientId: 'kept-client', clientSecret: 'kept-secret-0123' },
    });
    try {
      const stuck = await folderThatCannotBeWritten();
      cleanUp.push(stuck.slice(0, stuck.indexOf('/d')));
      await copyFile(join(writable.dataDir, 'connections.json'), join(stuck, 'connections.json'));
      const harness = await createRpcHarness({ dataDir: stuck });

      expect((await harness.call('connections.remove', { id: added.id })).ok).toBe(false);

      const listed: Connection[] = (await harness.expectOk('connections.list', {})).connections;
      expect(listed.map((connection) => connection.id)).toEqual([added.id]);
      expect((await keychainEntry(added.id))?.secret).toEqual({ clientId: 'kept-client', clientSecret: 'kept-secret-0123' });
    } finally {
      await writable.call('connections.remove', { id: added.id });
    }
  });
});
