import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewConnection } from '../../src-shared/domain/connection';
import { streamsByProvider, type ProviderId } from '../../src-shared/domain/provider';
import { createRpcHarness, type RpcHarness } from './support/rpc-harness';
import { mutate, mutationsOf, type DocumentShape, type Mutation, type Served } from './support/mutated-documents';
import { startMutatedProviderServer, type MutatedProviderServer, type Route } from './support/mutated-provider-server';
import { walkStream } from './support/sandbox-connections';

// Runs under scripts/with-keyring.sh: a real local HTTP server per provider serving documented
// shapes with the liberties their documents allow, read through main's dispatch of sync.page.

const text = fc.string({ maxLength: 16 });
let next = 0;
const fresh = () => (next += 1);
const money = (minor: number) => minor / 100;
const asServed = (documents: readonly { base: Record<string, unknown>; mutations: Mutation[] }[]) => documents.map(({ base, mutations }) => mutate(base, mutations));
const documents = (shape: DocumentShape, base: fc.Arbitrary<(n: number) => Record<string, unknown>>, max = 25) =>
  fc.array(fc.record({ make: base, mutations: mutationsOf(shape) }), { minLength: 1, maxLength: max });
const built = (list: { make: (n: number) => Record<string, unknown>; mutations: Mutation[] }[]) => asServed(list.map(({ make, mutations }) => ({ base: make(fresh()), mutations })));

interface ProviderCase {
  input(baseUrl: string): NewConnection;
  /** One run's routes, built from generated documents. */
  world: fc.Arbitrary<() => { routes: Route[]; leftOut: Record<string, number> }>;
  /** The server kinds each stream's records come from. */
  kinds: Record<string, string>;
}

// ── Vettig ────────────────────────────────────────────────────────────────────────────────────
const vettigShape: DocumentShape = {
  optional: ['invoiceNumber', 'description', 'amountExclVat', 'vat'],
  enums: { type: text },
  nestedObjects: [],
  nestedLists: [],
  required: [
    { path: 'id', value: undefined },
    { path: 'amount', value: 'twelve' },
    { path: 'date', value: '31 January' },
  ],
};
const vettigEvent = fc.record({ type: fc.constantFrom('InvoiceFactoring', 'Charge', 'ClientPayout', 'InvoiceRecourse', 'InvoiceRecoursePayment'), minor: fc.integer({ min: 0, max: 10_000_000 }) }).map(
  ({ type, minor }) => (n: number) => ({
    id: `evt-${n}`,
    type,
    date: '2025-01-31',
    ...(type === 'ClientPayout' ? {} : { invoiceNumber: String(10_000 + n) }),
    amount: money(minor),
    ...(type === 'Charge' ? { description: `Fakturahantering: ${n}`, amountExclVat: money(minor - Math.floor(minor / 5)), vat: money(Math.floor(minor / 5)) } : {}),
  }),
);
const vettig: ProviderCase = {
  input: (baseUrl) => ({ provider: 'vettig', label: 'Vettig (liberal)', baseUrl, settings: { organisationNumber: '5566778899', currency: 'SEK' }, secret: { apiKey: 'vettig-property-key' } }),
  world: documents(vettigShape, vettigEvent).map((list) => () => {
    const events = built(list);
    return { routes: [(url) => (url.pathname === '/v2/factoring/events/5566778899' ? { body: events.map((e) => e.json), served: { kind: 'event', items: events } } : null)], leftOut: {} };
  }),
  kinds: { events: 'event' },
};

// ── Flowtly ───────────────────────────────────────────────────────────────────────────────────
const flowtlyInvoiceShape: DocumentShape = {
  optional: ['name', 'type', 'status', 'client', 'clientName', 'amountNet', 'amountPaid', 'issueDate', 'saleDate', 'dueDate', 'parent'],
  enums: { status: text, type: text, client: text },
  nestedObjects: [],
  nestedLists: ['childrenInvoices'],
  required: [
    { path: 'id', value: undefined },
    { path: 'amount', value: 'n/a' },
    { path: 'currency', value: undefined },
  ],
};
const flowtlyTransactionShape: DocumentShape = {
  optional: ['transaction', 'createdAt', 'updatedAt'],
  // Documented `number|null`: null moves no money and is left out, by design.
  enums: { amount: fc.constant(null) },
  nestedObjects: [],
  nestedLists: [],
  required: [
    { path: 'id', value: undefined },
    { path: 'invoice', value: undefined },
    { path: 'date', value: '' },
  ],
};
const flowtlyInvoice = fc.integer({ min: 1, max: 5_000_000 }).map((minor) => (n: number) => ({
  id: n,
  name: `F-${n}`,
  type: 'invoice',
  status: 'sent',
  parent: null,
  childrenInvoices: [],
  client: '/clients/3',
  clientName: 'Acme BV',
  amountNet: money(Math.floor((minor * 100) / 121)).toFixed(2),
  amount: money(minor).toFixed(2),
  amountPaid: '0.00',
  currency: 'EUR',
  issueDate: '2025-01-01T00:00:00+00:00',
  saleDate: '2025-01-01T00:00:00+00:00',
  dueDate: '2025-02-01T00:00:00+00:00',
}));
const collection = (items: readonly Served[]) => ({ '@context': '/contexts/X', 'hydra:member': items.map((i) => i.json), 'hydra:totalItems': items.length, 'hydra:view': { '@id': '/x?page=1' } });
const flowtly: ProviderCase = {
  input: (baseUrl) => ({ provider: 'flowtly', label: 'Flowtly (liberal)', baseUrl, settings: { currency: 'EUR' }, secret: { apiToken: 'flowtly-property-token' } }),
  world: fc
    .tuple(documents(flowtlyInvoiceShape, flowtlyInvoice), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100_000 }), mutationsOf(flowtlyTransactionShape)), { maxLength: 30 }))
    .map(([invoiceList, transactionList]) => () => {
      const bases = invoiceList.map(({ make, mutations }) => ({ base: make(fresh()), mutations }));
      const invoices = asServed(bases);
      const transactions = asServed(
        transactionList.map(([which, minor, mutations]) => {
          const invoice = bases[which % bases.length]!.base;
          const n = fresh();
          return { base: { id: n, invoice: `/invoices/${String(invoice['id'])}`, transaction: null, amount: money(minor), date: '2025-01-15T10:00:00+00:00', createdAt: '2025-01-15T10:00:00+00:00', updatedAt: '2025-01-15T10:00:00+00:00' }, mutations };
        }),
      );
      const facts = new Map(bases.map(({ base }) => [`/invoices/${String(base['id'])}`, base]));
      return {
        routes: [
          (url) => (url.pathname === '/invoices' ? { body: collection(invoices), served: { kind: 'invoice', items: invoices } } : null),
          (url) => (url.pathname === '/invoice-transactions' ? { body: collection(transactions), served: { kind: 'transaction', items: transactions } } : null),
          (url) => (facts.has(url.pathname) ? { body: facts.get(url.pathname) } : null),
        ],
        leftOut: { transaction: transactions.filter((t) => !t.broken && t.json['amount'] === null).length },
      };
    }),
  kinds: { invoices: 'invoice', 'invoice-transactions': 'transaction' },
};

// ── Confirma ──────────────────────────────────────────────────────────────────────────────────
const confirmaCaseShape: DocumentShape = {
  optional: [
    'summary.status', 'summary.stage', 'summary.createdAt', 'summary.closedAt', 'summary.activeDays', 'summary.creditor', 'summary.agency', 'balance.asOf',
    'invoices.0.reference', 'invoices.0.originalReference', 'invoices.0.invoiceDate', 'invoices.0.dueDate', 'invoices.0.createdDate', 'invoices.0.subject', 'invoices.0.interestRate',
    'payments.0.invoiceNumber', 'payments.0.createdAt', 'payments.0.currency', 'payments.0.description', 'payments.0.method', 'payments.0.status',
    'events.0.title', 'events.0.description', 'events.0.state', 'actions.0.type', 'actions.0.comment', 'notes.0.title', 'notes.0.content', 'notes.0.occuredAt',
  ],
  enums: { 'summary.status': text, 'payments.0.status': text, 'invoices.0.timeline.0.type': text },
  nestedObjects: ['invoices.0.distribution'],
  nestedLists: ['invoices', 'payments', 'events', 'actions', 'notes', 'invoices.0.timeline'],
  required: [
    { path: 'summary.caseId', value: undefined },
    { path: 'summary.currency', value: undefined },
    { path: 'balance.capitalAmount', value: 'lots' },
    { path: 'invoices.0.capitalAmount', value: 'x' },
  ],
};
const at = '2025-02-01T10:00:00.000Z';
const confirmaCase = fc.integer({ min: 0, max: 1_000_000 }).map((minor) => (n: number) => ({
  summary: { caseId: n, status: 'ACTIVE', stage: 'REMINDER', createdAt: at, closedAt: null, activeDays: 3, creditor: 'Reskontra AB', currency: 'SEK', agency: 'Confirma' },
  balance: { capitalAmount: money(minor), interestAmount: 0, costsAmount: 0, capitalPaid: 0, interestPaid: 0, costsPaid: 0, capitalOutstanding: money(minor), interestOutstanding: 0, costsOutstanding: 0, totalOutstanding: money(minor), asOf: at },
  invoices: [
    {
      invoiceNumber: String(20_000 + n), reference: 'ref', originalReference: null, invoiceDate: '2025-01-01', dueDate: '2025-01-31', createdDate: '2025-01-01', subject: null,
      interestRate: 8, capitalAmount: money(minor), capitalPaid: 0, interestAmount: 0, interestPaid: 0,
      distribution: { method: 'LETTER', channel: 'POSTNORD' }, timeline: [{ type: 'SENT', occurredAt: at }],
    },
  ],
  payments: [{ invoiceNumber: String(20_000 + n), createdAt: at, bankPaymentDate: '2025-02-01', allocatedAt: at, amount: 0, currency: 'SEK', description: 'Payment', method: 'BANK', status: 'ALLOCATED' }],
  events: [{ title: 'Reminder sent', description: 'By letter', state: 0, occurredAt: at }],
  actions: [{ type: 'COMMENT', status: 0, comment: 'Called', occurredAt: at }],
  notes: [{ title: 'Note', content: 'Text', occuredAt: at }],
}));
const allocationShape: DocumentShape = {
  optional: ['caseId', 'originalInvoiceNumber', 'originalPaymentReference'],
  enums: {},
  nestedObjects: [],
  nestedLists: [],
  required: [
    { path: 'allocationId', value: undefined },
    { path: 'allocatedTotalAmount', value: '?' },
    { path: 'breakdown.0.amount', value: 'many' },
  ],
};
const allocation = (n: number, minor: number) => ({
  allocationId: `a-${n}`, allocatedTotalAmount: money(minor + 300), allocationDate: '2025-02-01', currency: 'SEK', caseId: n, originalInvoiceNumber: String(20_000 + n), originalPaymentReference: 'OCR 1',
  breakdown: [{ type: 'CAPITAL', amount: money(minor) }, { type: 'INTEREST', amount: 2 }, { type: 'FEES', amount: 1 }],
});
const settlementShape: DocumentShape = {
  optional: ['agency', 'remittanceReference', ...allocationShape.optional.map((path) => `allocations.0.${path}`)],
  enums: {},
  nestedObjects: ['beneficiary'],
  nestedLists: [],
  required: [
    { path: 'settlementAmount', value: 'x' },
    { path: 'settlementDate', value: undefined },
    ...allocationShape.required.map(({ path, value }) => ({ path: `allocations.0.${path}`, value })),
  ],
};
const confirma: ProviderCase = {
  input: (baseUrl) => ({ provider: 'confirma', label: 'Confirma (liberal)', baseUrl, settings: {}, secret: { apiKey: 'confirma-property-key' } }),
  world: fc
    .tuple(
      documents(confirmaCaseShape, confirmaCase),
      documents(allocationShape, fc.integer({ min: 0, max: 1_000_000 }).map((minor) => (n: number) => allocation(n, minor))),
      documents(settlementShape, fc.integer({ min: 0, max: 1_000_000 }).map((minor) => (n: number) => ({
        settlementId: `s-${n}`, settlementDate: '2025-02-10', agency: 'Confirma', remittanceReference: 'R-1', beneficiary: { name: 'Reskontra AB', iban: 'SE45 5000 0000 0583 9825 7466', bic: 'ESSESESS' },
        settlementAmount: money(minor + 300), currency: 'SEK', allocations: [allocation(n, minor)],
      }))),
    )
    .map(([caseList, paymentList, settlementList]) => () => {
      const cases = built(caseList);
      const payments = built(paymentList);
      const settlements = built(settlementList);
      return {
        routes: [
          (url) => (url.pathname === '/api/v1/partner/invoice/case' ? { body: { cases: cases.map((c) => c.json) }, headers: { 'x-total-count': String(cases.length) }, served: { kind: 'case', items: cases } } : null),
          (url) => (url.pathname === '/api/v1/partner/payments' ? { body: payments.map((p) => p.json), served: { kind: 'payment', items: payments } } : null),
          (url) => (url.pathname === '/api/v1/partner/settlements' ? { body: { createdAt: at, settlements: settlements.map((s) => s.json) }, served: { kind: 'settled', items: settlements } } : null),
        ],
        leftOut: {},
      };
    }),
  kinds: { cases: 'case', payments: 'payment', settlements: 'settled' },
};

// ── Aptic ─────────────────────────────────────────────────────────────────────────────────────
const apticInvoiceShape: DocumentShape = {
  optional: ['ledgerType', 'clientReferenceNumber', 'clientName', 'customerName', 'customerNumber', 'invoiceDate', 'dueDate', 'daysDue', 'invoiceType', 'registrationDate', 'remainingPrincipal', 'service', 'purchasable', 'purchased', 'status', 'financeStatus'],
  enums: { financeStatus: fc.integer({ min: -3, max: 40 }), status: fc.integer({ min: 0, max: 255 }), invoiceType: text, ledgerType: text },
  nestedObjects: [],
  nestedLists: [],
  required: [
    { path: 'invoiceGuid', value: undefined },
    { path: 'invoiceNumber', value: undefined },
    { path: 'currencyCode', value: undefined },
    { path: 'originalPrincipal', value: 'abc' },
  ],
};
const apticTransactionShape: DocumentShape = {
  optional: ['description', 'currencyCode', 'transactionType'],
  enums: { transactionType: text },
  nestedObjects: [],
  nestedLists: [],
  required: [
    { path: 'transactionGuid', value: undefined },
    { path: 'amount', value: 'x' },
    { path: 'transactionDate', value: 'tomorrow' },
  ],
};
const apticInvoice = fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.array(fc.tuple(fc.constantFrom('Debt', 'Payment', 'Interest', 'Fee', 'Credit'), mutationsOf(apticTransactionShape)), { maxLength: 3 }));
const aptic: ProviderCase = {
  input: (baseUrl) => ({ provider: 'aptic', label: 'Aptic (liberal)', baseUrl, settings: { tokenPath: '/login/oauth/access_token' }, secret: { clientId: 'aptic-property-id', clientSecret: 'aptic-property-secret' } }),
  world: fc.array(fc.tuple(apticInvoice, mutationsOf(apticInvoiceShape)), { minLength: 1, maxLength: 45 }).map((list) => () => {
    const transactions = new Map<string, Served[]>();
    const invoices = list.map(([[minor, transactionList], mutations]) => {
      const n = fresh();
      const guid = `0000-${n}`;
      transactions.set(
        `/v1/Invoices/${guid}/Transactions`,
        asServed(transactionList.map(([type, transactionMutations]) => ({ base: { transactionGuid: `t-${fresh()}`, transactionDate: '2025-02-01T00:00:00', transactionType: type, description: type, amount: money(minor), currencyCode: 'SEK' }, mutations: transactionMutations }))),
      );
      return mutate(
        {
          invoiceGuid: guid, ledgerType: 'Invoice', clientReferenceNumber: `C-${n}`, clientName: 'Reskontra AB', invoiceNumber: String(30_000 + n), customerName: 'Acme AB', customerNumber: 'K-1',
          invoiceDate: '2025-01-01', dueDate: '2025-01-31', daysDue: 10, invoiceType: 'Invoice', registrationDate: '2025-01-01', currencyCode: 'SEK',
          originalPrincipal: money(minor), remainingPrincipal: money(minor), paidSum: 0, remainingSum: money(minor), service: 'Ledger', status: 2, financeStatus: 0, purchasable: 1, purchased: false,
        },
        mutations,
      );
    });
    const page = (url: URL, items: readonly Served[]) => {
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const top = Number(url.searchParams.get('$top') ?? 25);
      return { skip, slice: items.slice(skip, skip + top) };
    };
    return {
      routes: [
        (url) => {
          if (url.pathname !== '/v1/Invoices') return null;
          const { skip, slice } = page(url, invoices);
          return { body: { count: slice.length, skip, total: invoices.length, value: slice.map((i) => i.json) }, served: { kind: 'invoice', items: slice } };
        },
        (url) => {
          const list = transactions.get(url.pathname);
          if (!list) return null;
          const { skip, slice } = page(url, list);
          return { body: { count: slice.length, skip, total: list.length, summary: null, values: slice.map((t) => t.json) }, served: { kind: 'transaction', items: slice } };
        },
        (url) =>
          url.pathname.endsWith('/FinancialDetails')
            ? { body: { financialInterestInformation: {}, purchaseInformation: { purchased: false, financeStatus: 0, purchaseDate: null, purchasedAmount: null, recourseDate: null }, creditorFeeInformation: null } }
            : null,
        // The invoice detail, whose debts give the VAT: a debt without a rate leaves it unknown, never a failure.
        (url) => (/^\/v1\/Invoices\/[^/]+$/.test(url.pathname) ? { body: { invoiceNumber: null, debts: [{ description: 'Debt', vatPercentage: null, amount: 1 }, null] } } : null),
      ],
      leftOut: {},
    };
  }),
  kinds: { invoices: 'invoice', 'invoice-details': 'transaction' },
};

const cases: Record<ProviderId, ProviderCase> = { vettig, flowtly, confirma, aptic };

let harness: RpcHarness;
const servers: MutatedProviderServer[] = [];

beforeAll(async () => {
  harness = await createRpcHarness();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await harness.close();
});

describe('a provider using the liberties its documents allow', () => {
  it.each(Object.keys(cases) as ProviderId[])('%s: every stream walks to its end with cached + quarantined = served', async (provider) => {
    const server = await startMutatedProviderServer();
    servers.push(server);
    const providerCase = cases[provider];
    const connection = await harness.expectOk('connections.add', providerCase.input(server.baseUrl));
    await fc.assert(
      fc.asyncProperty(providerCase.world, async (makeWorld) => {
        const world = makeWorld();
        server.routes.splice(0, server.routes.length, ...world.routes);
        server.take();
        for (const stream of streamsByProvider[provider]) {
          const walk = await walkStream(harness, connection.id, stream);
          const kind = providerCase.kinds[stream]!;
          const counted = server.take().get(kind) ?? { served: 0, broken: 0 };
          const records = walk.records.filter((record) => provider !== 'aptic' || stream !== 'invoice-details' || record.kind === 'ledger-event');
          expect({ stream, cached: records.length + walk.quarantined.length }).toEqual({ stream, cached: counted.served - (world.leftOut[kind] ?? 0) });
          // Only a record that lost what it cannot do without is quarantined, with a reason and its JSON.
          expect({ stream, quarantined: walk.quarantined.length }).toEqual({ stream, quarantined: counted.broken });
          for (const entry of walk.quarantined) {
            expect(entry.reason).not.toBe('');
            expect(() => JSON.parse(entry.json) as unknown).not.toThrow();
          }
          for (const record of walk.records) {
            if (record.kind === 'ledger-event' && record.type === 'unknown') expect(record.providerType ?? '').toBe(String(record.raw['type'] ?? record.raw['transactionType'] ?? ''));
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('never sends a secret back in a quarantine entry or a page', () => {
    const transcript = harness.transcript();
    for (const secret of ['vettig-property-key', 'flowtly-property-token', 'confirma-property-key', 'aptic-property-secret']) expect(transcript).not.toContain(secret);
  });
});
