import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMain } from '../../src-main/app/start-main';
import type { Connection } from '../../src-shared/domain/connection';
import { bindSecret } from '../../src-main/vault/bound-secret';

// Runs under scripts/with-keyring.sh (a real Secret Service, shared by the test files running
// at the same time: which is why the sweep must stay inside its own data folder).

let dataDir: string;
let otherDir: string;
const written: string[] = [];
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reskontra-orphans-'));
  otherDir = await mkdtemp(join(tmpdir(), 'reskontra-orphans-other-'));
});
afterEach(async () => {
  for (const id of written.splice(0)) await keytar.deletePassword('Reskontra', id);
  await rm(dataDir, { recursive: true, force: true });
  await rm(otherDir, { recursive: true, force: true });
});

const connection = (id: string, label = `Aptic ${id}`): Connection => ({
  id,
  provider: 'aptic',
  label,
  baseUrl: 'https://api.aptic.example',
  settings: { tokenPath: '/oauth/token' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

async function storeSecret(id: string, stored: string): Promise<void> {
  written.push(id);
  await keytar.setPassword('Reskontra', id, stored);
}
const secret = { clientId: 'client', clientSecret: 'secret-0123456789' };
const present = async (id: string) => (await keytar.getPassword('Reskontra', id)) !== null;

describe('start-up', () => {
  it('removes this folder’s orphaned keychain entries and keeps every secret something may still need', async () => {
    const tag = Date.now().toString(36);
    const kept = `kept-${tag}`;
    const setAside = `aside-${tag}`;
    const inKeptCopy = `copy-${tag}`;
    const orphan = `orphan-${tag}`;
    const otherFolders = `other-${tag}`;
    const beforeFolders = `legacy-${tag}`;

    await writeFile(
      join(dataDir, 'connections.json'),
      JSON.stringify({ version: 1, connections: [connection(kept), { ...connection(setAside), label: 'x'.repeat(121) }] }),
    );
    await writeFile(join(dataDir, 'connections.json.corrupt-2026-01-01T00-00-00-000Z'), `{"version":1,"connections":[{"id":"${inKeptCopy}"`);
    for (const id of [kept, setAside, inKeptCopy, orphan]) await storeSecret(id, bindSecret(connection(id), secret, dataDir));
    await storeSecret(otherFolders, bindSecret(connection(otherFolders), secret, otherDir));
    await storeSecret(beforeFolders, JSON.stringify({ sendTo: 'somewhere', secret }));

    await startMain({ transport: 'browser', dataDir, demo: false });

    expect(await present(orphan)).toBe(false);
    for (const id of [kept, setAside, inKeptCopy, otherFolders, beforeFolders]) expect({ id, present: await present(id) }).toEqual({ id, present: true });
  });

  it('removes nothing when the connections file cannot be read', async () => {
    const tag = Date.now().toString(36);
    const orphan = `unsure-${tag}`;
    await storeSecret(orphan, bindSecret(connection(orphan), secret, dataDir));
    await writeFile(join(dataDir, 'connections.json'), '');
    await rm(join(dataDir, 'connections.json'));
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dataDir, 'connections.json')));

    await startMain({ transport: 'browser', dataDir, demo: false });
    expect(await present(orphan)).toBe(true);
  });
});
