import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretDestination, type Connection } from '../../src-shared/domain/connection';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';
import { keychainEntry } from '../support/keychain-entry';

// Runs under scripts/with-keyring.sh (a real Secret Service).

let harness: RpcHarness | undefined;
afterEach(async () => {
  if (!harness) return;
  for (const connection of (await harness.expectOk('connections.list', {})).connections) await harness.call('connections.remove', { id: connection.id });
  await harness.close();
  harness = undefined;
});

describe('30 connection updates at once through the RPC', () => {
  it('each answered ok is in the file, and file and keychain agree', async () => {
    harness = await createRpcHarness();
    const rpc = harness;
    const added: Connection[] = [];
    for (let n = 0; n < 3; n++) {
      added.push(
        await rpc.expectOk('connections.add', {
          provider: 'vettig',
          label: `Vettig ${n}`,
          baseUrl: 'https://api.vettig.example',
          settings: { organisationNumber: '556677-8899', currency: 'SEK' },
          secret: { apiKey: `vettig-key-${n}-0000` },
        }),
      );
    }
    // Ten each, interleaved: labels on every connection, and secrets that move with the address.
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) => {
        const target = added[n % 3]!;
        return n % 2 === 0
          ? rpc.call('connections.update', { id: target.id, label: `${target.label} #${n}` })
          : rpc.call('connections.update', { id: target.id, baseUrl: `https://api${n}.vettig.example`, secret: { apiKey: `vettig-key-${n}-0000` } });
      }),
    );
    expect(results.filter((result) => !result.ok)).toEqual([]);

    const file = JSON.parse(await readFile(join(rpc.dataDir, 'connections.json'), 'utf8')) as { connections: Connection[] };
    for (const [index, connection] of added.entries()) {
      const lastLabel = Math.max(...[0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28].filter((n) => n % 3 === index));
      const lastAddress = Math.max(...[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29].filter((n) => n % 3 === index));
      const saved = file.connections.find((item) => item.id === connection.id);
      expect(saved?.label).toBe(`${connection.label} #${lastLabel}`);
      expect(saved?.baseUrl).toBe(`https://api${lastAddress}.vettig.example`);
      expect(await keychainEntry(connection.id)).toMatchObject({
        sendTo: secretDestination(saved!),
        secret: { apiKey: `vettig-key-${lastAddress}-0000` },
      });
    }
  });
});
