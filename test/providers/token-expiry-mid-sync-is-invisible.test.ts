import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';
import { datasetFor, expectedApticInvoices, expectedVettigEvents, rowsOf } from './support/expected-records';
import { startSandboxConnection, walkStream } from './support/sandbox-connections';

// Runs under scripts/with-keyring.sh. Tokens live one second and the sandbox also expires them
// mid-sync; the walk must never show an error (each page is asked for exactly once).
const seed = 5;
const scale = 300;
const dataset = datasetFor(seed, scale);
/** Aptic's details take two requests per invoice: 100 invoices are five batches, ~200 requests. */
const apticScale = 100;
const apticDataset = datasetFor(seed, apticScale);

let harness: RpcHarness;
beforeAll(async () => {
  harness = await createRpcHarness();
});
afterAll(() => harness.close());

describe('token expiry mid-sync', () => {
  it('is invisible on Aptic (client credentials, invoices and details)', async () => {
    const { sandbox, connection } = await startSandboxConnection(harness, 'aptic', {
      seed,
      scale: apticScale,
      tokenLifetimeSeconds: 1,
      faults: { expireToken: 0.15 },
    });
    try {
      const invoices = await walkStream(harness, connection.id, 'invoices');
      expect(invoices.errors).toEqual([]);
      expect(rowsOf(invoices.records)).toEqual(expectedApticInvoices(apticDataset));
      const details = await walkStream(harness, connection.id, 'invoice-details');
      expect(details.errors).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it('is invisible on Vettig with client id + secret at the token path', async () => {
    const { sandbox, connection } = await startSandboxConnection(
      harness,
      'vettig',
      { seed, scale, tokenLifetimeSeconds: 1, faults: { expireToken: 0.3 } },
      'client-credentials',
    );
    try {
      for (let round = 0; round < 5; round += 1) {
        const walk = await walkStream(harness, connection.id, 'events');
        expect(walk.errors).toEqual([]);
        expect(rowsOf(walk.records)).toEqual(expectedVettigEvents(dataset));
      }
    } finally {
      await sandbox.close();
    }
  });
});
