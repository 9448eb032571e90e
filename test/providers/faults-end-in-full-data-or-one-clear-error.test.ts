import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxFaults } from '../../sandbox/faults/fault-spec';
import { keychainEntry } from '../support/keychain-entry';
import { providerNames, streamsByProvider } from '../../src-shared/domain/provider';
import { createRpcHarness, fastHttp, type RpcHarness } from './support/rpc-harness';
import { datasetFor, expectedRows, rowsOf } from './support/expected-records';
import { startSandboxConnection, walkStream } from './support/sandbox-connections';

// Runs under scripts/with-keyring.sh. Each fault at a high rate, one sandbox per case: every
// page ends complete after retries, or in one clear error for the connection; asking for the
// same cursor again (as the renderer does) then completes the walk with the exact data.
const seed = 11;
/**
 * Aptic asks two requests per invoice for its details, so it gets fewer invoices than the others:
 * 30 still make two detail batches (20 + 10), a walk of about 70 requests each failing half the time.
 */
const scales = { vettig: 60, flowtly: 60, confirma: 60, aptic: 30 } as const;
const datasets = { 60: datasetFor(seed, 60), 30: datasetFor(seed, 30) };
const highRate = 0.5;

const faultCases: [string, SandboxFaults][] = [
  ['429', { rate429: highRate }],
  ['500', { rate500: highRate }],
  ['502', { rate502: highRate }],
  ['503', { rate503: highRate }],
  ['slow', { slow: highRate, slowMs: 1_000 }],
  ['drop', { drop: highRate }],
  ['malformed', { malformed: highRate }],
  ['wrongShape', { wrongShape: highRate }],
  ['expireToken', { expireToken: highRate }],
  [
    'every fault at once',
    { rate429: 0.07, rate500: 0.07, rate502: 0.07, rate503: 0.07, slow: 0.07, slowMs: 1_000, drop: 0.07, malformed: 0.07, wrongShape: 0.07, expireToken: 0.07 },
  ],
];

let harness: RpcHarness;
const secrets: string[] = [];
beforeAll(async () => {
  // A short timeout so the slow fault (1 s) times out and is retried.
  harness = await createRpcHarness({ http: { ...fastHttp, timeoutMs: 300 } });
});
afterAll(async () => {
  const transcript = harness.transcript();
  for (const secret of secrets) expect(transcript).not.toContain(secret);
  expect(transcript).not.toMatch(/bearer\s+[A-Za-z0-9]/i);
  expect(transcript.toLowerCase()).not.toContain('authorization');
  await harness.close();
});

describe.each(['vettig', 'flowtly', 'confirma', 'aptic'] as const)('%s', (provider) => {
  it.each(faultCases)('at a high rate of %s still yields every record exactly', async (_, faults) => {
    const scale = scales[provider];
    const dataset = datasets[scale];
    const { sandbox, connection } = await startSandboxConnection(harness, provider, { seed, scale, faults });
    secrets.push(...Object.values(sandbox.credentials));
    try {
      for (const stream of streamsByProvider[provider]) {
        const walk = await walkStream(harness, connection.id, stream, 40);
        const rows = rowsOf(walk.records);
        for (const [ref, row] of expectedRows(dataset, provider, stream)) expect({ ref, ...rows.get(ref) }).toEqual({ ref, ...row });
        for (const error of walk.errors) {
          expect(['provider_error', 'provider_unreachable', 'provider_unreadable', 'credentials_refused']).toContain(error.code);
          expect(error.message).toContain(providerNames[provider]);
        }
      }
      if (provider === 'confirma' && faults.expireToken === highRate) {
        // The expired key was renewed, and the new key went straight into the keychain.
        const stored = (await keychainEntry(connection.id))?.secret ?? {};
        expect(stored['apiKey']).toBeTruthy();
        expect(stored['apiKey']).not.toBe(sandbox.credentials['apiKey']);
        secrets.push(stored['apiKey'] ?? '');
      }
    } finally {
      await harness.call('connections.remove', { id: connection.id });
      await sandbox.close();
    }
  });
});
