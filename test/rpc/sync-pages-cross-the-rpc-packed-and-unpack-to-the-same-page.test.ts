import { describe, expect, it } from 'vitest';
import { packSyncPage, packedPageSchema, pendingInvoicesOf, unpackSyncPage, MalformedSyncPage, type PackedSyncPage } from '../../src-shared/rpc/packed-sync-page';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { collectionCase, invoice, ledgerEvent } from '../support/records';

const connection = '7d0c2a5e-0000-4000-8000-000000000000';
/** Through JSON, as the HTTP transport carries it. */
const wire = (page: SyncPage): unknown => JSON.parse(JSON.stringify(packSyncPage(page)));

const invoices = (count: number) => Array.from({ length: count }, (_, n) => invoice(connection, `guid-${n}`, { number: `10${n}`, listHash: `hash-${n}`, provider: 'aptic' }));

describe('a sync page crossing the RPC', () => {
  it('unpacks to the page main made: records, quarantine, cursor, progress and each pending detail', () => {
    const records = invoices(3);
    const page: SyncPage = {
      records,
      quarantined: [{ providerRef: 'bad', kind: 'invoice', reason: 'field amount: not a number', problem: { code: 'amount', field: 'sum', value: 'x' }, json: '{"sum":"x"}' }],
      nextCursor: 'eyJza2lwIjoxMDAwfQ',
      progress: { done: 3, total: 9 },
      pendingDetails: [
        { recordId: records[2]!.id, invoiceNumber: '102', listHash: 'hash-2', request: 'req-2' },
        { recordId: records[0]!.id, invoiceNumber: '100', listHash: 'hash-0', request: 'req-0' },
        // Not on the page (Aptic's invoice-details stream), or not as its record says: sent whole.
        { recordId: `${connection}/elsewhere`, invoiceNumber: '7', listHash: 'h', request: 'req-7' },
        { recordId: records[1]!.id, invoiceNumber: '101', listHash: 'another hash', request: 'req-1' },
      ],
    };
    const expected = structuredClone(page);
    expect(unpackSyncPage(wire(page))).toEqual(expected);
    // In one process (the tests' dispatch), with no JSON between: the same page.
    expect(unpackSyncPage(packSyncPage(structuredClone(expected)))).toEqual(expected);
  });

  it('sends what every record shares once, and each pending VAT of a page invoice as its index and request', () => {
    const records = invoices(2);
    const pendingDetails = records.map((record) => ({ recordId: record.id, invoiceNumber: record.number, listHash: record.listHash!, request: `req-${record.number}` }));
    const packed = JSON.parse(JSON.stringify(packSyncPage({ records, quarantined: [], nextCursor: null, progress: { done: 2 }, pendingDetails }))) as PackedSyncPage;
    expect(packed.shared).toEqual({ connectionId: connection, provider: 'aptic', kind: 'invoice' });
    expect(packed.records.every((record) => !('id' in record) && !('connectionId' in record) && !('kind' in record))).toBe(true);
    expect(packed.pendingAt).toEqual([
      [0, 'req-100'],
      [1, 'req-101'],
    ]);
    expect(packed.pendingDetails).toEqual([]);
  });

  it('names the invoice each pending VAT is of, the last of its id as a lookup by id finds it, when every pending one is on the page', () => {
    const [first, second] = invoices(2);
    const again = { ...structuredClone(first!), total: 999 };
    const pending = (record: typeof first) => ({ recordId: record!.id, invoiceNumber: record!.number, listHash: record!.listHash!, request: `req-${record!.number}` });
    const onPage = [pending(first), pending(second)];
    const page = unpackSyncPage(wire({ records: [first!, second!, again], quarantined: [], nextCursor: null, progress: { done: 3 }, pendingDetails: onPage }));
    expect(pendingInvoicesOf(page.pendingDetails!)).toEqual([page.records[2], page.records[1]]);
    expect(pendingInvoicesOf(page.pendingDetails!)![0]).toBe(page.records[2]);
    const elsewhere = { recordId: `${connection}/elsewhere`, invoiceNumber: '7', listHash: 'h', request: 'req-7' };
    const [alone] = invoices(1);
    const mixed = unpackSyncPage(wire({ records: [alone!], quarantined: [], nextCursor: null, progress: { done: 1 }, pendingDetails: [pending(alone), elsewhere] }));
    expect(pendingInvoicesOf(mixed.pendingDetails!)).toBeUndefined();
  });

  it('keeps per record what differs: mixed kinds, and an id recordId would not give', () => {
    const odd = { ...ledgerEvent(connection, 'tx-1'), id: 'not-derived' };
    const page: SyncPage = { records: [invoice(connection, 'a'), odd, collectionCase(connection, 'k', ['1'])], quarantined: [], nextCursor: null, progress: { done: 3 } };
    const expected = structuredClone(page);
    const packed = JSON.parse(JSON.stringify(packSyncPage(page))) as PackedSyncPage;
    expect(packed.shared).not.toHaveProperty('kind');
    expect(packed.records[0]).not.toHaveProperty('id');
    expect(packed.records[1]).toHaveProperty('id', 'not-derived');
    expect(unpackSyncPage(packed)).toEqual(expected);
  });

  it('is refused, not trusted, when it is not a page main would make', () => {
    const good = () => JSON.parse(JSON.stringify(packSyncPage({ records: invoices(1), quarantined: [], nextCursor: null, progress: { done: 1 } }))) as Record<string, unknown> & { records: Array<Record<string, unknown>> };
    const broken = [
      null,
      'page',
      { ...good(), pendingAt: [[5, 'req']] },
      { ...good(), pendingAt: [[0, '']] },
      { ...good(), surprise: true },
      { ...good(), shared: { connectionId: connection, provider: 'unknown' } },
      { ...good(), records: [{ ...good().records[0], providerRef: undefined }] },
      { ...good(), records: [{ ...good().records[0], id: 5 }] },
      { ...good(), records: ['not a record'] },
      { ...good(), nextCursor: '' },
    ];
    for (const answer of broken) expect(() => unpackSyncPage(answer), JSON.stringify(answer)).toThrow(MalformedSyncPage);
  });

  it('refuses by its hand check exactly the records and pending pairs the schema refuses', () => {
    const good = () => JSON.parse(JSON.stringify(packSyncPage({ records: invoices(1), quarantined: [], nextCursor: null, progress: { done: 1 }, pendingDetails: [{ recordId: `${connection}/guid-0`, invoiceNumber: '100', listHash: 'hash-0', request: 'req' }] }))) as Record<string, unknown> & { records: Array<Record<string, unknown>> };
    const oddPairs = [[0, 'req'], [-0, 'req'], [0.5, 'req'], [-1, 'req'], ['0', 'req'], [0, ''], [0, 5], [0, 'req', 'more'], [0], [], null, 'pair', { 0: 0, 1: 'req' }, [Number.NaN, 'req'], [1e400, 'req']];
    const oddRecords = [null, [], 'record', 5, true, [1, 2]];
    const answers = [
      ...oddPairs.map((pair) => ({ ...good(), pendingAt: [pair] })),
      ...oddRecords.map((record) => ({ ...good(), records: [record] })),
      { ...good(), pendingAt: 'pairs' },
      { ...good(), pendingAt: undefined },
      { ...good(), records: 'records' },
      { ...good(), records: undefined },
      { ...good(), unchanged: true, records: [], pendingAt: undefined, pendingDetails: undefined, pageHash: 'h' },
      { ...good(), unchanged: true },
    ];
    for (const answer of answers) {
      const page = answer as { unchanged?: true; records?: unknown[]; pendingAt?: unknown; pendingDetails?: unknown; pageHash?: unknown };
      const carriesNothing = !page.unchanged || (page.records?.length === 0 && page.pendingAt === undefined && page.pendingDetails === undefined && page.pageHash !== undefined);
      const schemaTakes = packedPageSchema.safeParse(answer).success && carriesNothing;
      let unpacked: unknown;
      try {
        unpacked = unpackSyncPage(answer);
      } catch (error) {
        expect(error, JSON.stringify(answer)).toBeInstanceOf(MalformedSyncPage);
      }
      expect(unpacked !== undefined, JSON.stringify(answer)).toBe(schemaTakes);
    }
  });
});
