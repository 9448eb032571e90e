import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import type { LedgerEvent } from '../../src-shared/domain/records';
import { createAppI18n } from '../../src-renderer/i18n/i18n';
import { enqueueAction } from '../../src-renderer/outbox/enqueue-action';
import { runOutbox, sendApproved } from '../../src-renderer/outbox/outbox-sender';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';
import { connectionInputFor, startSandboxConnection, walkStream } from '../providers/support/sandbox-connections';
import { startLossyProxy, type LossyProxy } from './support/lossy-proxy';
import { outboxOn } from './support/outbox-harness';

// Runs under scripts/with-keyring.sh: financing requests through main's RPC table and the outbox
// (fake-indexeddb) to the Aptic and Vettig sandboxes, some through a proxy that loses the answer.
const seed = 18;
const scale = 120;
const items = apticReferenceItems(seed, scale);
const sellable = items.filter((item) => item.purchasable === 1 && item.financeStatus === 0 && Number(item.remainingPrincipal) > 10);
const alreadySold = items.find((item) => item.financeStatus === 2 || item.financeStatus === 3);

let harness: RpcHarness;
const sandboxes: RunningSandbox[] = [];
const proxies: LossyProxy[] = [];
let aptic = '';
let vettig = '';
let lossyAptic = '';
let lossyVettig = '';
let lostPurchases: LossyProxy;
let lostFinancing: LossyProxy;
beforeAll(async () => {
  harness = await createRpcHarness();
  const a = await startSandboxConnection(harness, 'aptic', { seed, scale });
  const v = await startSandboxConnection(harness, 'vettig', { seed, scale });
  sandboxes.push(a.sandbox, v.sandbox);
  aptic = a.connection.id;
  vettig = v.connection.id;
  lostPurchases = await startLossyProxy(a.sandbox.baseUrl, (method, url) => method === 'POST' && url.endsWith('/Purchase'));
  lostFinancing = await startLossyProxy(v.sandbox.baseUrl, (method, url) => method === 'POST' && url.endsWith('/factoring/finance'));
  proxies.push(lostPurchases, lostFinancing);
  lossyAptic = (await harness.expectOk('connections.add', { ...connectionInputFor(a.sandbox), label: 'Lossy Aptic', baseUrl: lostPurchases.baseUrl })).id;
  lossyVettig = (await harness.expectOk('connections.add', { ...connectionInputFor(v.sandbox), label: 'Lossy Vettig', baseUrl: lostFinancing.baseUrl })).id;
});
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  await harness.close();
});

const sellableAt = (n: number, connectionId = aptic) => {
  const item = sellable[n];
  if (!item) throw new Error(`fewer than ${n + 1} sellable invoices in the dataset`);
  return { connectionId, targetId: `${connectionId}/${item.invoiceGuid}`, targetRef: item.invoiceGuid, label: item.invoiceNumber, number: item.invoiceNumber };
};
const noTerms = { purchasable: null, feeAmount: null, feePercentage: null };
const financeInput = (invoiceNumber: string) => ({
  invoiceNumber,
  invoiceDate: '2025-06-01',
  dueDate: '2025-07-01',
  currency: 'SEK',
  lines: [
    { rate: 2500, net: 80_000, vat: 20_000 },
    { rate: 600, net: 10_000, vat: 600 },
  ],
  debtor: { name: 'Åkesson Bygg AB' },
});
const eventsOf = async (connectionId: string, stream: string, invoiceNumber: string): Promise<LedgerEvent[]> =>
  (await walkStream(harness, connectionId, stream)).records.filter((record): record is LedgerEvent => record.kind === 'ledger-event' && record.invoiceNumber === invoiceNumber);

describe('Aptic purchase through main', () => {
  it('reads eligibility and states the fee as unknown where Aptic gives none; the purchase shows at the next sync', async () => {
    const { targetRef, number } = sellableAt(0);
    const invoice = { connectionId: aptic, invoiceRef: targetRef };
    expect(await harness.expectOk('actions.readInvoice', invoice)).toMatchObject({ purchasable: 1, financing: 'own-ledger', open: true });
    expect(await harness.expectOk('actions.readPurchaseTerms', invoice)).toMatchObject({ feeAmount: null, feePercentage: null });
    await harness.expectOk('actions.purchaseInvoice', { ...invoice, recourseDays: null, note: 'Reskontra test' });
    expect(await harness.expectOk('actions.readInvoice', invoice)).toMatchObject({ financing: 'factored', purchasable: 0 });
    const again = await harness.call('actions.purchaseInvoice', { ...invoice, recourseDays: null, note: null });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'provider_refused', details: { provider: 'aptic', said: expect.stringContaining('already purchased') } });
    const financed = (await eventsOf(aptic, 'invoice-details', number)).map((event) => event.type);
    expect(financed).toEqual(expect.arrayContaining(['financed', 'charge', 'payout']));
  });
});

describe('Vettig finance through main', () => {
  it('reads that an invoice is not financed and the fee history; financing adds its events once', async () => {
    const before = await harness.expectOk('actions.readFinancing', { connectionId: vettig, invoiceNumber: 'R-7001' });
    expect(before).toMatchObject({ financed: false, currency: 'SEK' });
    expect(before.history.invoices).toBeGreaterThan(0);
    expect(before.history.charges).toBeGreaterThan(0);
    await harness.expectOk('actions.financeInvoice', { connectionId: vettig, ...financeInput('R-7001') });
    expect((await harness.expectOk('actions.readFinancing', { connectionId: vettig, invoiceNumber: 'R-7001' })).financed).toBe(true);
    const events = await eventsOf(vettig, 'events', 'R-7001');
    expect(events.filter((event) => event.type === 'financed').map((event) => event.amount)).toEqual([110_600]);
    expect(events.filter((event) => event.type === 'charge')).toHaveLength(2);
    const again = await harness.call('actions.financeInvoice', { connectionId: vettig, ...financeInput('R-7001') });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'provider_refused', details: { said: expect.stringContaining('already financed') } });
  });

  it('refuses an invoice in another currency than the connection’s, before sending', async () => {
    const result = await harness.call('actions.financeInvoice', { connectionId: vettig, ...financeInput('R-7002'), currency: 'EUR' });
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
    expect((await harness.expectOk('actions.readFinancing', { connectionId: vettig, invoiceNumber: 'R-7002' })).financed).toBe(false);
  });
});

describe('financing through the outbox', () => {
  it('a financing Vettig refuses keeps Vettig’s reason, and its sentence reads in every language', async () => {
    const outbox = outboxOn(harness);
    const target = { connectionId: vettig, targetId: 'flowtly-x/43', targetRef: 'R-7004', label: 'R-7004' };
    const action = await enqueueAction(outbox.db, target, { kind: 'finance', input: { ...financeInput('R-7004'), dueDate: '2025-05-01' }, seen: { financed: false } });
    await sendApproved(outbox, action.id, await harness.expectOk('actions.readFinancing', { connectionId: vettig, invoiceNumber: 'R-7004' }));
    const stored = await outbox.db.outbox.get(action.id);
    expect(stored).toMatchObject({ state: 'refused', error: { code: 'provider_refused', details: { provider: 'vettig' } } });
    const said = stored?.error?.details?.said ?? '';
    expect(said).toContain('Validation failed');
    for (const [locale, sentence] of [
      ['en', 'Vettig refused the change: '],
      ['sv', 'Vettig avvisade ändringen: '],
      ['nl', 'Vettig weigerde de wijziging: '],
      ['fi', 'Vettig hylkäsi muutoksen: '],
    ] as const) {
      // The provider's own words sit quoted, in the language's quotation marks, inside the sentence.
      const text = createAppI18n(locale).global.t('common.errors.provider_refused', { provider: 'Vettig', said });
      expect(text.startsWith(sentence), text).toBe(true);
      expect(text).toContain(said);
    }
    expect((await harness.expectOk('actions.readFinancing', { connectionId: vettig, invoiceNumber: 'R-7004' })).financed).toBe(false);
  });

  it('a purchase is only prepared until the user confirms; then it is sent once and confirmed by reading', async () => {
    const outbox = outboxOn(harness);
    const target = sellableAt(1);
    const action = await enqueueAction(outbox.db, target, { kind: 'purchase', input: { recourseDays: null, note: null }, seen: noTerms });
    await runOutbox(outbox);
    expect((await outbox.db.outbox.get(action.id))?.state).toBe('waiting');
    const fresh = await harness.expectOk('actions.readInvoice', { connectionId: aptic, invoiceRef: target.targetRef });
    const terms = await harness.expectOk('actions.readPurchaseTerms', { connectionId: aptic, invoiceRef: target.targetRef });
    await sendApproved(outbox, action.id, fresh, terms);
    await runOutbox(outbox);
    expect(await outbox.db.outbox.get(action.id)).toMatchObject({ state: 'confirmed', already: false, seen: { purchasable: 1, feeAmount: null, feePercentage: null } });
    expect(outbox.sent).toEqual(['actions.purchaseInvoice']);
  });

  it('an invoice Aptic will not buy (disputed since) ends in needs review, and nothing is sent', async () => {
    const outbox = outboxOn(harness);
    const target = sellableAt(2);
    const action = await enqueueAction(outbox.db, target, { kind: 'purchase', input: { recourseDays: null, note: null }, seen: noTerms });
    const fresh = await harness.expectOk('actions.readInvoice', { connectionId: aptic, invoiceRef: target.targetRef });
    await harness.expectOk('actions.disputeInvoice', { connectionId: aptic, invoiceRef: target.targetRef, disputed: true, reason: 'between read and send' });
    await sendApproved(outbox, action.id, fresh);
    expect(await outbox.db.outbox.get(action.id)).toMatchObject({ state: 'needs-review', review: { reason: 'changed', changes: [{ field: 'purchasable', seen: 1, now: 0 }] } });
    expect(outbox.sent).toEqual([]);
  });

  it('an invoice Aptic already bought counts as done, without sending', async () => {
    if (!alreadySold) throw new Error('the dataset has no purchased invoice');
    const outbox = outboxOn(harness);
    const target = { connectionId: aptic, targetId: `${aptic}/${alreadySold.invoiceGuid}`, targetRef: alreadySold.invoiceGuid, label: alreadySold.invoiceNumber };
    const action = await enqueueAction(outbox.db, target, { kind: 'purchase', input: { recourseDays: null, note: null }, seen: noTerms });
    await sendApproved(outbox, action.id, await harness.expectOk('actions.readInvoice', { connectionId: aptic, invoiceRef: target.targetRef }));
    expect(await outbox.db.outbox.get(action.id)).toMatchObject({ state: 'confirmed', already: true });
    expect(outbox.sent).toEqual([]);
  });

  it('a purchase whose answer is lost is confirmed by reading and never sent twice', async () => {
    const outbox = outboxOn(harness);
    const target = sellableAt(3, lossyAptic);
    const action = await enqueueAction(outbox.db, target, { kind: 'purchase', input: { recourseDays: null, note: null }, seen: noTerms });
    await sendApproved(outbox, action.id, await harness.expectOk('actions.readInvoice', { connectionId: lossyAptic, invoiceRef: target.targetRef }));
    await runOutbox(outbox);
    await runOutbox(outbox);
    expect(lostPurchases.lost).toHaveLength(1);
    expect(outbox.sent).toEqual(['actions.purchaseInvoice']);
    expect((await outbox.db.outbox.get(action.id))?.state).toBe('confirmed');
    expect((await harness.expectOk('actions.readInvoice', { connectionId: aptic, invoiceRef: target.targetRef })).financing).toBe('factored');
  });

  it('a Vettig financing whose answer is lost is confirmed from the events and never sent twice', async () => {
    const outbox = outboxOn(harness);
    const target = { connectionId: lossyVettig, targetId: 'flowtly-x/42', targetRef: 'R-7003', label: 'R-7003' };
    const action = await enqueueAction(outbox.db, target, { kind: 'finance', input: financeInput('R-7003'), seen: { financed: false } });
    await runOutbox(outbox);
    expect((await outbox.db.outbox.get(action.id))?.state).toBe('waiting');
    await sendApproved(outbox, action.id, await harness.expectOk('actions.readFinancing', { connectionId: lossyVettig, invoiceNumber: 'R-7003' }));
    await runOutbox(outbox);
    await runOutbox(outbox);
    expect(lostFinancing.lost).toHaveLength(1);
    expect(outbox.sent).toEqual(['actions.financeInvoice']);
    expect((await outbox.db.outbox.get(action.id))?.state).toBe('confirmed');
    expect((await eventsOf(vettig, 'events', 'R-7003')).filter((event) => event.type === 'financed')).toHaveLength(1);
  });

  it('financing requests found sending at start (the app was killed) are re-read, never resent', async () => {
    const outbox = outboxOn(harness);
    const arrived = sellableAt(4);
    const neverLeft = sellableAt(5);
    const bought = await enqueueAction(outbox.db, arrived, { kind: 'purchase', input: { recourseDays: null, note: null }, seen: noTerms });
    const notBought = await enqueueAction(outbox.db, neverLeft, { kind: 'purchase', input: { recourseDays: null, note: null }, seen: noTerms });
    const financed = await enqueueAction(outbox.db, { connectionId: vettig, targetId: 'flowtly-x/44', targetRef: 'R-7005', label: 'R-7005' }, { kind: 'finance', input: financeInput('R-7005'), seen: { financed: false } });
    const marked = { state: 'sending' as const, sendingSince: '2025-06-30T10:00:00Z', approvedAt: '2025-06-30T10:00:00Z' };
    await outbox.db.outbox.bulkUpdate([bought.id, notBought.id, financed.id].map((key) => ({ key, changes: marked })));
    // Only these two had reached the providers before the kill.
    await harness.expectOk('actions.purchaseInvoice', { connectionId: aptic, invoiceRef: arrived.targetRef, recourseDays: null, note: null });
    await harness.expectOk('actions.financeInvoice', { connectionId: vettig, ...financeInput('R-7005') });
    await runOutbox(outbox);
    await runOutbox(outbox);
    expect(outbox.sent).toEqual([]);
    expect((await outbox.db.outbox.get(bought.id))?.state).toBe('confirmed');
    expect((await outbox.db.outbox.get(financed.id))?.state).toBe('confirmed');
    expect(await outbox.db.outbox.get(notBought.id)).toMatchObject({ state: 'needs-review', review: { reason: 'interrupted' } });
    expect((await harness.expectOk('actions.readInvoice', { connectionId: aptic, invoiceRef: neverLeft.targetRef })).financing).toBe('own-ledger');
  });
});
