import { apticInvoicePageSize, apticInvoicePagesPerCall } from '../../src-main/providers/aptic/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox, SandboxProvider } from '../../sandbox/start-sandbox';
import type { Connection } from '../../src-shared/domain/connection';
import { streamsByProvider } from '../../src-shared/domain/provider';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';
import {
  datasetFor,
  expectedApticVatLines,
  expectedFlowtlyInvoices,
  expectedFlowtlyVatLines,
  expectedRows,
  expectedVettigChargeSplit,
  rowsOf,
  type Row,
} from './support/expected-records';
import { startSandboxConnection, walkStream } from './support/sandbox-connections';

// Runs under scripts/with-keyring.sh: real sandboxes over HTTP, a real keychain, RPC only.
const seed = 7;
const scale = 450;
const dataset = datasetFor(seed, scale);

let harness: RpcHarness;
const running: RunningSandbox[] = [];
const connections = new Map<SandboxProvider, Connection>();

beforeAll(async () => {
  harness = await createRpcHarness();
  for (const provider of ['vettig', 'flowtly', 'confirma', 'aptic'] as const) {
    const { sandbox, connection } = await startSandboxConnection(harness, provider, { seed, scale });
    running.push(sandbox);
    connections.set(provider, connection);
  }
});

afterAll(async () => {
  for (const connection of connections.values()) await harness.call('connections.remove', { id: connection.id });
  await Promise.all(running.map((sandbox) => sandbox.close()));
  const transcript = harness.transcript();
  for (const sandbox of running) {
    for (const secret of Object.values(sandbox.credentials)) expect(transcript).not.toContain(secret);
  }
  await harness.close();
});

function idOf(provider: SandboxProvider): string {
  const connection = connections.get(provider);
  if (!connection) throw new Error(`no ${provider} connection`);
  return connection.id;
}

function expectSameRows(actual: Map<string, Row>, expected: Map<string, Row>) {
  expect(actual.size).toBe(expected.size);
  for (const [ref, row] of expected) expect({ ref, ...actual.get(ref) }).toEqual({ ref, ...row });
}

describe('connections.test against each sandbox', () => {
  it.each(['vettig', 'flowtly', 'confirma', 'aptic'] as const)('%s answers ok', async (provider) => {
    expect(await harness.expectOk('connections.test', { id: idOf(provider) })).toEqual({ ok: true });
  });
});

describe('a full walk of every stream equals the sandbox data', () => {
  it('vettig events', async () => {
    const walk = await walkStream(harness, idOf('vettig'), 'events');
    expectSameRows(rowsOf(walk.records), expectedRows(dataset, 'vettig', 'events'));
    for (const [ref, split] of expectedVettigChargeSplit(dataset)) {
      const record = walk.records.find((item) => item.providerRef === ref);
      expect(record && record.kind === 'ledger-event' ? { net: record.net, vat: record.vat } : null).toEqual(split);
    }
  });

  it('flowtly invoices (issued and drafts)', async () => {
    const walk = await walkStream(harness, idOf('flowtly'), 'invoices');
    const { issued, drafts } = expectedFlowtlyInvoices(dataset);
    const rows = rowsOf(walk.records);
    expect(rows.size).toBe(issued.size + drafts);
    for (const [ref, row] of issued) expect({ ref, ...rows.get(ref) }).toEqual({ ref, ...row });
    const draftRecords = walk.records.filter((record) => record.kind === 'invoice' && record.status === 'draft');
    expect(draftRecords).toHaveLength(drafts);
    expect(walk.pages).toBe(Math.ceil((issued.size + drafts) / 100));
  });

  it.each([
    ['flowtly', expectedFlowtlyVatLines],
    ['aptic', expectedApticVatLines],
  ] as const)('%s invoices carry net and VAT per rate from their rows', async (provider, expectedVatLines) => {
    const walk = await walkStream(harness, idOf(provider), 'invoices');
    const expected = expectedVatLines(dataset);
    const actual = new Map(walk.records.flatMap((record) => (record.kind === 'invoice' && expected.has(record.providerRef) ? [[record.providerRef, record.vatLines]] : [])));
    expect(actual).toEqual(expected);
    for (const record of walk.records) {
      if (record.kind !== 'invoice' || !record.vatLines) continue;
      expect(record.vatLines.reduce((sum, line) => sum + line.net + line.vat, 0)).toBe(record.total);
    }
  });

  it('flowtly invoice-transactions', async () => {
    const walk = await walkStream(harness, idOf('flowtly'), 'invoice-transactions');
    expectSameRows(rowsOf(walk.records), expectedRows(dataset, 'flowtly', 'invoice-transactions'));
  });

  it.each(['cases', 'payments', 'settlements'])('confirma %s', async (stream) => {
    const walk = await walkStream(harness, idOf('confirma'), stream);
    expectSameRows(rowsOf(walk.records), expectedRows(dataset, 'confirma', stream));
  });

  it('aptic invoices, up to ten provider pages of 100 per sync page', async () => {
    const walk = await walkStream(harness, idOf('aptic'), 'invoices');
    expect(walk.pages).toBe(Math.ceil(scale / (apticInvoicePageSize * apticInvoicePagesPerCall)));
    expectSameRows(rowsOf(walk.records), expectedRows(dataset, 'aptic', 'invoices'));
  });

  it('aptic invoice-details', async () => {
    const walk = await walkStream(harness, idOf('aptic'), 'invoice-details');
    expectSameRows(rowsOf(walk.records), expectedRows(dataset, 'aptic', 'invoice-details'));
  });

  it('every provider lists exactly its streams', () => {
    expect(Object.keys(streamsByProvider)).toEqual(['vettig', 'flowtly', 'confirma', 'aptic']);
  });
});
