import { describe, expect, it } from 'vitest';
import { customerKey, creditedInvoiceOf, ledgerKey } from '../../src-shared/ledger/invoice-identity';
import { joinLedger } from '../../src-shared/ledger/join-ledger';
import type { CaseFacts, FinancingFacts, InvoiceFacts } from '../../src-shared/ledger/ledger-source';
import { invoiceFacts } from '../support/invoice-facts';

const today = '2025-06-30';

const invoice = invoiceFacts;

const flowtly = (overrides: Partial<InvoiceFacts> = {}) => invoice({ id: 'f/1', provider: 'flowtly', customerNumber: '7', ...overrides });
const aptic = (overrides: Partial<InvoiceFacts> = {}) => invoice({ id: 'a/guid-1', provider: 'aptic', customerNumber: 'K1007', status: 'overdue', ...overrides });

function collectionCase(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 'c/500001',
    connectionId: 'c',
    provider: 'confirma',
    caseNumber: '500001',
    open: true,
    currency: 'SEK',
    invoices: [{ invoiceNumber: '10500', invoiceDate: '2025-05-01', dueDate: '2025-05-31', capitalAmount: 32_195_00, capitalPaid: 10_000_00, interestAmount: 150_00, interestPaid: 0 }],
    costs: { amount: 240_00, paid: 0, outstanding: 240_00 },
    debtor: { name: null, number: null },
    ...overrides,
  };
}

describe('the ledger join', () => {
  it('makes one entry of the issuer and the servicer, with the servicer standing and one amount counted', () => {
    const entries = joinLedger({ invoices: [flowtly(), aptic()], cases: [], financing: [] }, today);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.outstanding).toBe(32_195_00);
    expect(entry!.standing.provider).toBe('aptic');
    expect(entry!.sources.map((source) => source.role)).toEqual(['servicer', 'issuer']);
    // Flowtly said "open", Aptic "overdue": both mean overdue on the one clock, so they agree.
    expect(entry!.status).toBe('overdue');
    expect(entry!.sources.map((source) => source.status)).toEqual(['overdue', 'overdue']);
    expect(entry!.problems).toEqual([]);
    expect(entry!.id).toBe('a/guid-1');
  });

  it('matches numbers whatever their case and spacing, but keeps currencies and leading zeros apart', () => {
    expect(ledgerKey(' inv 12 ', 'sek')).toBe(ledgerKey('INV12', 'SEK'));
    expect(ledgerKey('0123', 'SEK')).not.toBe(ledgerKey('123', 'SEK'));
    const entries = joinLedger({ invoices: [flowtly({ number: 'inv-7' }), aptic({ number: 'INV-7', currency: 'EUR' })], cases: [], financing: [] }, today);
    expect(entries).toHaveLength(2);
  });

  it('keeps a single-source invoice as it is, its provider status read on the one clock', () => {
    const [entry] = joinLedger({ invoices: [flowtly({ dueDate: '2025-07-15', status: 'overdue' })], cases: [], financing: [] }, today);
    expect(entry!.sources).toHaveLength(1);
    expect(entry!.status).toBe('open');
    expect(entry!.problems).toEqual([]);
  });

  it('lets an open collection case stand, with capital, interest and the case costs of its only invoice', () => {
    const [entry] = joinLedger({ invoices: [flowtly({ status: 'in-collection' }), aptic({ status: 'in-collection', outstanding: 22_585_00 })], cases: [collectionCase()], financing: [] }, today);
    expect(entry!.standing.kind).toBe('case');
    expect(entry!.outstanding).toBe(32_195_00 - 10_000_00 + 150_00 + 240_00);
    expect(entry!.status).toBe('in-collection');
    // The case gives no invoice total and no customer: the next sources do.
    expect(entry!.total).toBe(32_195_00);
    expect(entry!.customerName).toBe('Öberg Bygg AB');
    // The agency adds interest and costs by design: outstanding is not compared while it holds the invoice.
    expect(entry!.problems).toEqual([]);
  });

  it('reports a closed case whose issuer still thinks it is owed as a disagreement, with who says what', () => {
    const closed = collectionCase({ open: false, invoices: [{ ...collectionCase().invoices[0]!, capitalPaid: 32_195_00, interestPaid: 150_00 }], costs: { amount: 240_00, paid: 240_00, outstanding: 0 } });
    const [entry] = joinLedger({ invoices: [flowtly({ status: 'in-collection' }), aptic({ status: 'paid', paid: 32_585_00, outstanding: 0 })], cases: [closed], financing: [] }, today);
    expect(entry!.standing.provider).toBe('aptic');
    expect(entry!.outstanding).toBe(0);
    expect(entry!.status).toBe('paid');
    const outstanding = entry!.problems.find((problem) => problem.field === 'outstanding');
    expect(outstanding?.says.map((say) => [say.source.provider, say.value])).toEqual([
      ['aptic', 0],
      ['flowtly', 32_195_00],
    ]);
    expect(entry!.problems.find((problem) => problem.field === 'status')?.says.map((say) => say.value)).toEqual(['paid', 'in-collection', 'paid']);
  });

  it('reports conflicting totals, due dates and customers', () => {
    const [entry] = joinLedger({ invoices: [flowtly({ total: 100_00, outstanding: 100_00, dueDate: '2025-06-01' }), aptic({ total: 120_00, outstanding: 120_00, customerName: 'Someone Else AB' })], cases: [], financing: [] }, today);
    expect(entry!.outstanding).toBe(120_00);
    expect(entry!.problems.map((problem) => problem.field).sort()).toEqual(['customer', 'due-date', 'outstanding', 'total']);
  });

  it('lets a factor that bought the invoice stand over the servicer, and shows its own financing before a bare factoring event', () => {
    const vettig: FinancingFacts = { id: '0-vettig/e1', connectionId: '0-vettig', provider: 'vettig', invoiceNumber: '10500', currency: 'SEK', type: 'financed' };
    const [entry] = joinLedger({ invoices: [flowtly(), aptic({ financing: 'factored-with-recourse' })], cases: [], financing: [vettig] }, today);
    expect(entry!.standing.role).toBe('factor');
    expect(entry!.sources.map((source) => source.provider)).toEqual(['aptic', 'vettig', 'flowtly']);
    expect(entry!.financing).toBe('factored-with-recourse');
  });

  it('lists Vettig financing as a source without a balance: it never stands, and alone makes no entry', () => {
    const financed: FinancingFacts[] = [
      { id: 'v/e1', connectionId: 'v', provider: 'vettig', invoiceNumber: '10500', currency: 'SEK', type: 'financed' },
      { id: 'v/e2', connectionId: 'v', provider: 'vettig', invoiceNumber: '99999', currency: 'SEK', type: 'financed' },
    ];
    const entries = joinLedger({ invoices: [flowtly()], cases: [], financing: financed }, today);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sources.map((source) => [source.provider, source.role])).toEqual([
      ['vettig', 'factor'],
      ['flowtly', 'issuer'],
    ]);
    expect(entries[0]!.standing.provider).toBe('flowtly');
    expect(entries[0]!.financing).toBe('factored');
  });

  it('takes a linked credit note off the invoice it credits instead of listing it', () => {
    const note = invoice({ id: 'f/2', provider: 'flowtly', number: 'CR-1', total: -32_195_00, outstanding: -32_195_00, credits: 'f/1' });
    const entries = joinLedger({ invoices: [flowtly(), note], cases: [], financing: [] }, today);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.outstanding).toBe(0);
    expect(entries[0]!.status).toBe('credited');
    expect(entries[0]!.standing.creditNotes).toEqual(['CR-1']);
  });

  it('partly credits, and keeps a credit note whose invoice is not in the cache as its own entry', () => {
    const partial = invoice({ id: 'f/2', provider: 'flowtly', number: 'CR-1', total: 195_00, credits: 'f/1' });
    const orphan = invoice({ id: 'f/3', provider: 'flowtly', number: 'CR-2', total: -50_00, outstanding: 0, status: 'paid', credits: 'f/404' });
    const entries = joinLedger({ invoices: [flowtly(), partial, orphan], cases: [], financing: [] }, today);
    expect(entries.map((entry) => [entry.number, entry.outstanding, entry.status])).toEqual([
      ['10500', 32_000_00, 'overdue'],
      ['CR-2', 0, 'paid'],
    ]);
  });

  it('reads Flowtly credit notes from type and parent, and nothing from other providers', () => {
    const raw = { type: 'correction', parent: '/invoices/12' };
    expect(creditedInvoiceOf({ provider: 'flowtly', connectionId: 'f', raw })).toBe('f/12');
    expect(creditedInvoiceOf({ provider: 'flowtly', connectionId: 'f', raw: { type: 'invoice', parent: null } })).toBeNull();
    expect(creditedInvoiceOf({ provider: 'aptic', connectionId: 'a', raw })).toBeNull();
  });

  it('keys a customer by folded name, else by number', () => {
    expect(customerKey({ name: '  Öberg  Bygg AB', number: '7' })).toBe(customerKey({ name: 'öberg bygg ab', number: 'K1007' }));
    expect(customerKey({ name: null, number: ' K1 ' })).toBe('#K1');
    expect(customerKey({ name: '', number: null })).toBeNull();
  });
});
