import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/start-sandbox';
import { enqueueAction } from '../../src-renderer/outbox/enqueue-action';
import { runOutbox } from '../../src-renderer/outbox/outbox-sender';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';
import { startSandboxConnection } from '../providers/support/sandbox-connections';
import { outboxOn } from './support/outbox-harness';

// Runs under scripts/with-keyring.sh: Aptic Close through the outbox (fake-indexeddb) and main's RPC table.
const seed = 19;
const scale = 120;
const openItems = apticReferenceItems(seed, scale).filter((item) => item.purchasable === 1 && Number(item.remainingPrincipal) > 10);

let harness: RpcHarness;
let aptic: RunningSandbox;
let apticId = '';
beforeAll(async () => {
  harness = await createRpcHarness();
  ({ sandbox: aptic, connection: { id: apticId } } = await startSandboxConnection(harness, 'aptic', { seed, scale }));
});
afterAll(async () => {
  await aptic.close();
  await harness.close();
});

const targetAt = (n: number) => {
  const item = openItems[n];
  if (!item) throw new Error(`fewer than ${n + 1} open invoices`);
  return { connectionId: apticId, targetId: `${apticId}/${item.invoiceGuid}`, targetRef: item.invoiceGuid, label: item.invoiceNumber };
};
const read = (invoiceRef: string) => harness.expectOk('actions.readInvoice', { connectionId: apticId, invoiceRef });
const close = { closureCode: null, note: 'Settled outside Aptic' };

describe('closing an Aptic invoice', () => {
  it('queued while Aptic is down it waits, then is sent once when Aptic is back; a second close is already done', async () => {
    const target = targetAt(0);
    const before = await read(target.targetRef);
    const port = Number(new URL(aptic.baseUrl).port);
    await aptic.close();
    const outbox = outboxOn(harness);
    const first = await enqueueAction(outbox.db, target, { kind: 'close', input: close, seen: { remaining: before.remaining, currency: before.currency } });
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(first.id)).toMatchObject({ state: 'waiting', error: { code: 'provider_unreachable' } });
    aptic = await startSandbox('aptic', { seed, scale, port });
    await runOutbox(outbox);
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(first.id)).toMatchObject({ state: 'confirmed', already: false });
    expect(await read(target.targetRef)).toMatchObject({ remaining: 0, open: false });
    const second = await enqueueAction(outbox.db, target, { kind: 'close', input: close, seen: { remaining: before.remaining, currency: before.currency } });
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(second.id)).toMatchObject({ state: 'confirmed', already: true });
    expect(outbox.sent).toEqual(['actions.closeInvoice']);
  });

  it('a payment booked between queueing and sending ends in needs review, naming what is owed now', async () => {
    const target = targetAt(1);
    const before = await read(target.targetRef);
    const outbox = outboxOn(harness);
    const action = await enqueueAction(outbox.db, target, { kind: 'close', input: close, seen: { remaining: before.remaining, currency: before.currency } });
    await harness.expectOk('actions.registerPayment', { connectionId: apticId, invoiceRef: target.targetRef, amount: 500, currency: before.currency, paymentDate: '2025-06-30', reference: null });
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(action.id)).toMatchObject({
      state: 'needs-review',
      review: { reason: 'changed', changes: [{ field: 'remaining', seen: before.remaining, now: before.remaining - 500 }] },
    });
    expect(outbox.sent).toEqual([]);
    expect((await read(target.targetRef)).open).toBe(true);
  });
});
