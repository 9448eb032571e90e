import type { Case, Invoice, LedgerEvent } from '../../src-shared/domain/records';

/** Domain records for cache tests, shaped as main's normalisation returns them. */
export function invoice(connectionId: string, ref: string, fields: Partial<Invoice> = {}): Invoice {
  return {
    kind: 'invoice',
    id: `${connectionId}/${ref}`,
    connectionId,
    provider: 'aptic',
    providerRef: ref,
    raw: {},
    number: ref,
    customer: { name: `Kund ${ref}`, number: null },
    issueDate: '2025-01-01',
    dueDate: '2025-01-31',
    currency: 'SEK',
    total: 100_00,
    paid: 0,
    outstanding: 100_00,
    status: 'open',
    financing: 'own-ledger',
    ...fields,
  };
}

export function ledgerEvent(connectionId: string, ref: string, fields: Partial<LedgerEvent> = {}): LedgerEvent {
  return {
    kind: 'ledger-event',
    id: `${connectionId}/${ref}`,
    connectionId,
    provider: 'vettig',
    providerRef: ref,
    raw: {},
    type: 'financed',
    date: '2025-01-31',
    currency: 'SEK',
    amount: 1000_00,
    invoiceNumber: '10425',
    invoiceId: null,
    description: null,
    net: null,
    vat: null,
    breakdown: null,
    caseRef: null,
    ...fields,
  };
}

export function collectionCase(connectionId: string, ref: string, invoiceNumbers: string[]): Case {
  const part = { amount: 0, paid: 0, outstanding: 0 };
  return {
    kind: 'case',
    id: `${connectionId}/${ref}`,
    connectionId,
    provider: 'confirma',
    providerRef: ref,
    raw: {},
    caseNumber: ref,
    status: 'active',
    stage: 'reminder',
    agency: 'Confirma',
    creditor: null,
    debtor: { name: null, number: null },
    openedAt: '2025-02-01',
    closedAt: null,
    currency: 'SEK',
    balance: { capital: part, interest: part, costs: part, totalOutstanding: 0, asOf: null },
    invoices: invoiceNumbers.map((invoiceNumber) => ({
      invoiceNumber,
      reference: null,
      invoiceDate: null,
      dueDate: null,
      capitalAmount: 0,
      capitalPaid: 0,
      interestAmount: 0,
      interestPaid: 0,
      interestRate: null,
      distributionChannel: null,
      timeline: [],
    })),
    payments: [],
    entries: [],
  };
}
