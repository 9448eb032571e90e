import { readdir, readFile, rm, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionsStore } from '../../src-main/connections/connections-store';
import type { Connection } from '../../src-shared/domain/connection';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'reskontra-entries-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const good = (n: number): Connection => ({
  id: `good-${n}`,
  provider: 'confirma',
  label: `Confirma ${n}`,
  baseUrl: 'https://staging-integrations.confirmafinance.com',
  settings: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const sevenGood = Array.from({ length: 7 }, (_, n) => good(n));
const bad = {
  longLabel: { ...good(90), id: 'long-label', label: 'x'.repeat(121) },
  extraField: { ...good(91), id: 'extra-field', colour: 'blue' },
  unknownProvider: { ...good(92), id: 'unknown-provider', provider: 'nobody' },
  brokenSecretRef: { ...good(93), id: 'no spaces/or slashes' },
};
const fileName = (): string => join(dataDir, 'connections.json');
const write = (content: unknown, raw = false) => writeFile(fileName(), raw ? String(content) : JSON.stringify(content, null, 2));

describe('a connections file with bad entries', () => {
  it('loads the good ones and sets each bad one aside with a warning naming it and why', async () => {
    await write({ version: 1, connections: [sevenGood[0], bad.longLabel, ...sevenGood.slice(1, 4), bad.extraField, bad.unknownProvider, ...sevenGood.slice(4), bad.brokenSecretRef] });
    const { connections, warnings } = await createConnectionsStore(dataDir).read();
    expect(connections.map((c) => c.id)).toEqual(sevenGood.map((c) => c.id));
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'entry_set_aside', entry: { position: 2, id: 'long-label', label: 'x'.repeat(121) }, problem: 'invalid_value', field: 'label' }),
      expect.objectContaining({ kind: 'entry_set_aside', entry: { position: 6, id: 'extra-field', label: 'Confirma 91' }, problem: 'unexpected_field', field: 'colour' }),
      expect.objectContaining({ kind: 'entry_set_aside', entry: { position: 7, id: 'unknown-provider', label: 'Confirma 92' }, problem: 'unknown_provider', field: 'provider' }),
      expect.objectContaining({ kind: 'entry_set_aside', entry: { position: 11, id: 'no spaces/or slashes', label: 'Confirma 93' }, problem: 'bad_id', field: 'id' }),
    ]);
    for (const warning of warnings) expect(warning.message).toMatch(/^Connection \d+ in connections\.json \(“.*”\) was set aside: /);
  });

  it('keeps a set-aside entry in the file through later writes, and its warning clears once the entry is fixed', async () => {
    await write({ version: 1, connections: [sevenGood[0], bad.longLabel] });
    const store = createConnectionsStore(dataDir);
    await store.update((connections) => ({ connections: [...connections, good(1)], result: undefined }));
    const written = JSON.parse(await readFile(fileName(), 'utf8')) as { connections: Array<{ id: string }> };
    expect(written.connections.map((entry) => entry.id).sort()).toEqual(['good-0', 'good-1', 'long-label']);
    expect((await store.read()).warnings).toHaveLength(1);

    await write({ version: 1, connections: [...written.connections.filter((entry) => entry.id !== 'long-label'), { ...bad.longLabel, label: 'Fixed' }] });
    const fixed = await store.read();
    expect(fixed.warnings).toEqual([]);
    expect(fixed.connections.map((c) => c.label).sort()).toEqual(['Confirma 0', 'Confirma 1', 'Fixed']);
  });

  it('clears the warning when the set-aside entry is removed', async () => {
    await write({ version: 1, connections: [sevenGood[0], bad.extraField] });
    const store = createConnectionsStore(dataDir);
    expect(await store.discardSetAside('extra-field')).toBe(true);
    expect(await store.read()).toEqual({ connections: [sevenGood[0]], warnings: [] });
  });

  it('reads a file that starts with a UTF-8 byte-order mark', async () => {
    await write(`\uFEFF${JSON.stringify({ version: 1, connections: sevenGood })}`, true);
    expect(await createConnectionsStore(dataDir).read()).toEqual({ connections: sevenGood, warnings: [] });
  });

  it('reads a file from a newer Reskontra but refuses to write over it, and says so', async () => {
    const content = JSON.stringify({ version: 2, connections: sevenGood, groups: [] });
    await write(content, true);
    const store = createConnectionsStore(dataDir);
    const { connections, warnings } = await store.read();
    expect(connections).toEqual(sevenGood);
    expect(warnings).toEqual([expect.objectContaining({ kind: 'file_from_newer_version', version: 2 })]);
    await expect(store.update((list) => ({ connections: list.slice(1), result: undefined }))).rejects.toMatchObject({ code: 'newer_file' });
    expect(await readFile(fileName(), 'utf8')).toBe(content);
  });

  it('loads the entries of a file with trailing garbage, keeps the original aside, and the warning clears when that copy is gone', async () => {
    const content = `${JSON.stringify({ version: 1, connections: sevenGood })}\n}} garbage`;
    await write(content, true);
    const store = createConnectionsStore(dataDir);
    const { connections, warnings } = await store.read();
    expect(connections).toEqual(sevenGood);
    const kept = (await readdir(dataDir)).filter((name) => name.startsWith('connections.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dataDir, kept[0]!), 'utf8')).toBe(content);
    expect(warnings).toEqual([expect.objectContaining({ kind: 'file_kept_aside', why: 'trailing_content', keptAs: join(dataDir, kept[0]!) })]);

    await rm(join(dataDir, kept[0]!));
    expect(await store.read()).toEqual({ connections: sevenGood, warnings: [] });
  });

  it('keeps an unreadable file aside, and the warning stays until that copy is restored or deleted', async () => {
    await write('{"version":1,"connections":[', true);
    const store = createConnectionsStore(dataDir);
    expect((await store.read()).warnings).toEqual([expect.objectContaining({ kind: 'file_kept_aside', why: 'not_json' })]);
    expect((await store.read()).warnings).toHaveLength(1);
    const [kept] = (await readdir(dataDir)).filter((name) => name.startsWith('connections.json.corrupt-'));
    await rm(join(dataDir, kept!));
    expect((await store.read()).warnings).toEqual([]);
  });
});
