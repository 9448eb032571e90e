import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/start-sandbox';
import { apticReferenceItems } from '../sandbox/support/aptic-session';
import { createRpcHarness, type RpcHarness } from '../providers/support/rpc-harness';
import { startSandboxConnection, walkStream } from '../providers/support/sandbox-connections';

// Runs under scripts/with-keyring.sh: each write goes through main's RPC table to a sandbox.
const seed = 16;
const scale = 120;
const openItems = apticReferenceItems(seed, scale).filter((item) => item.purchasable === 1 && Number(item.remainingPrincipal) > 10);

let harness: RpcHarness;
const sandboxes: RunningSandbox[] = [];
let aptic = '';
let confirma = '';
let vettig = '';
beforeAll(async () => {
  harness = await createRpcHarness();
  for (const provider of ['aptic', 'confirma', 'vettig'] as const) {
    const { sandbox, connection } = await startSandboxConnection(harness, provider, { seed, scale });
    sandboxes.push(sandbox);
    if (provider === 'aptic') aptic = connection.id;
    if (provider === 'confirma') confirma = connection.id;
    if (provider === 'vettig') vettig = connection.id;
  }
});
afterAll(async () => {
  await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  await harness.close();
});

const target = (n: number) => {
  const item = openItems[n];
  if (!item) throw new Error(`fewer than ${n + 1} open invoices in the dataset`);
  return { connectionId: aptic, invoiceRef: item.invoiceGuid };
};

describe('provider writes through main', () => {
  it('disputes an Aptic invoice and resolves the dispute; the fresh read shows each', async () => {
    const invoice = target(0);
    expect(await harness.expectOk('actions.readInvoice', invoice)).toMatchObject({ disputed: false, open: true });
    await harness.expectOk('actions.disputeInvoice', { ...invoice, disputed: true, reason: 'Wrong delivery' });
    expect((await harness.expectOk('actions.readInvoice', invoice)).disputed).toBe(true);
    await harness.expectOk('actions.disputeInvoice', { ...invoice, disputed: false, reason: null });
    expect((await harness.expectOk('actions.readInvoice', invoice)).disputed).toBe(false);
  });

  it('postpones a due date, and a date not after it is refused with Aptic’s reason', async () => {
    const invoice = target(1);
    const before = await harness.expectOk('actions.readInvoice', invoice);
    await harness.expectOk('actions.postponeInvoice', { ...invoice, newDueDate: '2026-01-15' });
    expect((await harness.expectOk('actions.readInvoice', invoice)).dueDate).toBe('2026-01-15');
    const refused = await harness.call('actions.postponeInvoice', { ...invoice, newDueDate: before.dueDate ?? '2020-01-01' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('provider_refused');
    expect(refused.error.details).toMatchObject({ provider: 'aptic' });
    expect(refused.error.details?.said).toContain('is not after the current due date');
  });

  it('registers a payment once, in exact minor units; one above the remaining principal is refused', async () => {
    const invoice = target(2);
    const before = await harness.expectOk('actions.readInvoice', invoice);
    const paid = await harness.expectOk('actions.registerPayment', { ...invoice, amount: 1_005, currency: before.currency, paymentDate: '2025-06-30', reference: 'R-1' });
    expect(paid.paymentRef).toMatch(/\S/);
    expect((await harness.expectOk('actions.readInvoice', invoice)).remaining).toBe(before.remaining - 1_005);
    const refused = await harness.call('actions.registerPayment', { ...invoice, amount: before.remaining * 2, currency: before.currency, paymentDate: '2025-06-30', reference: null });
    expect(refused.ok ? null : refused.error.code).toBe('provider_refused');
    expect((await harness.expectOk('actions.readInvoice', invoice)).remaining).toBe(before.remaining - 1_005);
  });

  it('comments on a Confirma case; the fresh read lists the comment', async () => {
    const cases = await walkStream(harness, confirma, 'cases');
    const first = cases.records.find((record) => record.kind === 'case');
    if (!first || first.kind !== 'case') throw new Error('the sandbox served no case');
    const caseTarget = { connectionId: confirma, caseRef: first.providerRef };
    expect((await harness.expectOk('actions.readCase', caseTarget)).comments).not.toContain('Called the debtor');
    await harness.expectOk('actions.commentCase', { ...caseTarget, comment: 'Called the debtor' });
    const now = await harness.expectOk('actions.readCase', caseTarget);
    expect(now.comments.filter((comment) => comment === 'Called the debtor')).toHaveLength(1);
    const unknown = await harness.call('actions.commentCase', { connectionId: confirma, caseRef: '999', comment: 'x' });
    expect(unknown.ok ? null : unknown.error.code).toBe('provider_refused');
  });

  it('refuses an action the provider does not offer, before sending anything', async () => {
    const result = await harness.call('actions.disputeInvoice', { connectionId: vettig, invoiceRef: 'x', disputed: true, reason: null });
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
  });
});
