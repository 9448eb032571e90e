import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { enqueueAction } from '../../src-renderer/outbox/enqueue-action';
import { runOutbox, sendApproved } from '../../src-renderer/outbox/outbox-sender';
import { schemaVersions } from '../../src-renderer/db/schema-versions';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';
import { connectionInputFor, startSandboxConnection, walkStream } from '../providers/support/sandbox-connections';
import { memoryCache } from '../support/memory-cache';
import { startLossyProxy, type LossyProxy } from './support/lossy-proxy';
import { outboxOn } from './support/outbox-harness';

// Runs under scripts/with-keyring.sh: the outbox (fake-indexeddb) through main's RPC table to sandboxes.
const seed = 17;
const scale = 120;
const openItems = apticReferenceItems(seed, scale).filter((item) => item.purchasable === 1 && Number(item.remainingPrincipal) > 10);

let harness: RpcHarness;
let aptic: RunningSandbox;
let apticId = '';
let proxy: LossyProxy;
let lossyId = '';
beforeAll(async () => {
  harness = await createRpcHarness();
  ({ sandbox: aptic, connection: { id: apticId } } = await startSandboxConnection(harness, 'aptic', { seed, scale }));
  proxy = await startLossyProxy(aptic.baseUrl, (method, url) => method === 'POST' && url.endsWith('/Payment'));
  lossyId = (await harness.expectOk('connections.add', { ...connectionInputFor(aptic), label: 'Lossy Aptic', baseUrl: proxy.baseUrl })).id;
});
afterAll(async () => {
  await proxy.close();
  await aptic.close();
  await harness.close();
});

const invoiceTarget = (n: number, connectionId = apticId) => {
  const item = openItems[n];
  if (!item) throw new Error(`fewer than ${n + 1} open invoices`);
  return { connectionId, targetId: `${connectionId}/${item.invoiceGuid}`, targetRef: item.invoiceGuid, label: item.invoiceNumber };
};

describe('the outbox', () => {
  it('sends a dispute, confirms it by reading, and calls a second dispute already done', async () => {
    const outbox = outboxOn(harness);
    const target = invoiceTarget(0);
    const first = await enqueueAction(outbox.db, target, { kind: 'dispute', input: { disputed: true, reason: 'Damaged goods' }, seen: { open: true } });
    expect((await outbox.db.outbox.get(first.id))?.state).toBe('waiting');
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(first.id)).toMatchObject({ state: 'confirmed', already: false });
    const second = await enqueueAction(outbox.db, target, { kind: 'dispute', input: { disputed: true, reason: null }, seen: { open: true } });
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(second.id)).toMatchObject({ state: 'confirmed', already: true });
    expect(outbox.sent).toEqual(['actions.disputeInvoice']);
  });

  it('a due date changed since the user saw it ends in needs review, naming the change, and sends nothing', async () => {
    const outbox = outboxOn(harness);
    const target = invoiceTarget(1);
    const now = await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: target.targetRef });
    const action = await enqueueAction(outbox.db, target, { kind: 'postpone', input: { newDueDate: '2026-03-01' }, seen: { dueDate: now.dueDate } });
    // Someone else moves the due date before the outbox runs.
    await harness.expectOk('actions.postponeInvoice', { connectionId: apticId, invoiceRef: target.targetRef, newDueDate: '2026-02-01' });
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(action.id)).toMatchObject({
      state: 'needs-review',
      review: { reason: 'changed', changes: [{ field: 'dueDate', seen: now.dueDate, now: '2026-02-01' }] },
    });
    expect(outbox.sent).toEqual([]);
  });

  it('a refusal keeps the provider’s reason', async () => {
    const outbox = outboxOn(harness);
    const target = invoiceTarget(2);
    const now = await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: target.targetRef });
    const action = await enqueueAction(outbox.db, target, { kind: 'postpone', input: { newDueDate: '2020-01-01' }, seen: { dueDate: now.dueDate } });
    await runOutbox(outbox);
    const stored = await outbox.db.outbox.get(action.id);
    expect(stored?.state).toBe('refused');
    expect(stored?.error).toMatchObject({ code: 'provider_refused', details: { provider: 'aptic' } });
    expect(stored?.error?.details?.said).toContain('is not after the current due date');
  });

  it('a payment waits for the user’s confirmation, however often the outbox runs', async () => {
    const outbox = outboxOn(harness);
    const target = invoiceTarget(3);
    const before = await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: target.targetRef });
    const action = await enqueueAction(outbox.db, target, { kind: 'payment', input: { amount: 2_500, currency: before.currency, paymentDate: '2025-06-30', reference: null }, seen: { remaining: before.remaining } });
    await runOutbox(outbox);
    await runOutbox(outbox);
    expect((await outbox.db.outbox.get(action.id))?.state).toBe('waiting');
    expect(outbox.sent).toEqual([]);
    const fresh = await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: target.targetRef });
    await sendApproved(outbox, action.id, fresh);
    expect((await outbox.db.outbox.get(action.id))?.state).toBe('confirmed');
    expect((await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: target.targetRef })).remaining).toBe(before.remaining - 2_500);
  });

  it('a payment whose answer is lost is confirmed by reading, and never sent twice', async () => {
    const outbox = outboxOn(harness);
    const target = invoiceTarget(4, lossyId);
    const before = await harness.expectOk('actions.readInvoice', { connectionId: lossyId, invoiceRef: target.targetRef });
    const action = await enqueueAction(outbox.db, target, { kind: 'payment', input: { amount: 1_000, currency: before.currency, paymentDate: '2025-06-30', reference: 'lost' }, seen: { remaining: before.remaining } });
    await sendApproved(outbox, action.id, before);
    await runOutbox(outbox);
    expect(proxy.lost).toHaveLength(1);
    expect(outbox.sent).toEqual(['actions.registerPayment']);
    expect((await outbox.db.outbox.get(action.id))?.state).toBe('confirmed');
    expect((await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: target.targetRef })).remaining).toBe(before.remaining - 1_000);
  });

  it('an action found sending at start is re-read, never resent: done if it arrived, else the user is asked', async () => {
    const outbox = outboxOn(harness);
    const arrived = invoiceTarget(5);
    const neverLeft = invoiceTarget(6);
    const before = await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: arrived.targetRef });
    const paid = await enqueueAction(outbox.db, arrived, { kind: 'payment', input: { amount: 700, currency: before.currency, paymentDate: '2025-06-30', reference: null }, seen: { remaining: before.remaining } });
    const disputed = await enqueueAction(outbox.db, neverLeft, { kind: 'dispute', input: { disputed: true, reason: null }, seen: { open: true } });
    // The app marked both sending and was killed; only the payment had reached Aptic.
    await outbox.db.outbox.bulkUpdate([paid.id, disputed.id].map((key) => ({ key, changes: { state: 'sending' as const, sendingSince: '2025-06-30T10:00:00Z', approvedAt: '2025-06-30T10:00:00Z' } })));
    await harness.expectOk('actions.registerPayment', { connectionId: apticId, invoiceRef: arrived.targetRef, amount: 700, currency: before.currency, paymentDate: '2025-06-30', reference: null });
    await runOutbox(outbox);
    await runOutbox(outbox);
    expect(outbox.sent).toEqual([]);
    expect((await outbox.db.outbox.get(paid.id))?.state).toBe('confirmed');
    expect(await outbox.db.outbox.get(disputed.id)).toMatchObject({ state: 'needs-review', review: { reason: 'interrupted' } });
    expect((await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: arrived.targetRef })).remaining).toBe(before.remaining - 700);
    expect((await harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef: neverLeft.targetRef })).disputed).toBe(false);
  });
});

describe('offline', () => {
  it('a comment queued while Confirma is down waits, then is sent once when it is back', async () => {
    const local = await createRpcHarness();
    const { sandbox, connection } = await startSandboxConnection(local, 'confirma', { seed, scale });
    const port = Number(new URL(sandbox.baseUrl).port);
    const cases = await walkStream(local, connection.id, 'cases');
    const found = cases.records.find((record) => record.kind === 'case' && record.status === 'ACTIVE');
    if (!found || found.kind !== 'case') throw new Error('no open case');
    await sandbox.close();
    const outbox = outboxOn(local);
    const target = { connectionId: connection.id, targetId: found.id, targetRef: found.providerRef, label: found.caseNumber };
    const action = await enqueueAction(outbox.db, target, { kind: 'comment', input: { comment: 'Debtor promised to pay Friday' }, seen: { status: found.status, stage: found.stage } });
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(action.id)).toMatchObject({ state: 'waiting', error: { code: 'provider_unreachable' } });
    const back = await startSandbox('confirma', { seed, scale, port });
    try {
      await runOutbox(outbox);
      await runOutbox(outbox);
      expect((await outbox.db.outbox.get(action.id))?.state).toBe('confirmed');
      const now = await local.expectOk('actions.readCase', { connectionId: connection.id, caseRef: found.providerRef });
      expect(now.comments.filter((comment) => comment === 'Debtor promised to pay Friday')).toHaveLength(1);
      expect(outbox.sent).toEqual(['actions.commentCase']);
    } finally {
      await back.close();
      await local.close();
    }
  });
});

describe('cache schema v4', () => {
  it('opens a v3 cache, keeps its data and adds an empty outbox', async () => {
    const v3 = memoryCache(schemaVersions.slice(0, 3));
    await v3.db.syncState.put({ connectionId: 'c1', stream: 'invoices', cursor: 'p2', generation: 1, sweep: false, lastSuccessAt: null, lastAttemptAt: null, lastError: null });
    v3.db.close();
    const current = memoryCache(schemaVersions, v3.factory);
    await current.db.open();
    expect(current.db.verno).toBeGreaterThanOrEqual(4);
    expect((await current.db.syncState.get(['c1', 'invoices']))?.cursor).toBe('p2');
    expect(await current.db.outbox.count()).toBe(0);
    await enqueueAction(current.db, { connectionId: 'c1', targetId: 'c1/g', targetRef: 'g', label: '1' }, { kind: 'dispute', input: { disputed: true, reason: null }, seen: { open: true } });
    expect(await current.db.outbox.where('targetId').equals('c1/g').count()).toBe(1);
  });
});
