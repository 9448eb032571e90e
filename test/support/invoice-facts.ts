import type { InvoiceFacts } from '../../src-shared/ledger/ledger-source';

/** One provider's invoice record as the ledger join takes it: invoice 10500 to Öberg Bygg AB, open, unless overridden. */
export function invoiceFacts(overrides: Partial<InvoiceFacts> & Pick<InvoiceFacts, 'id' | 'provider'>): InvoiceFacts {
  return {
    connectionId: overrides.id.split('/')[0]!,
    number: '10500',
    issueDate: '2025-05-01',
    dueDate: '2025-05-31',
    currency: 'SEK',
    total: 32_195_00,
    paid: 0,
    outstanding: 32_195_00,
    status: 'open',
    financing: 'own-ledger',
    customerName: 'Öberg Bygg AB',
    customerNumber: null,
    credits: null,
    ...overrides,
  };
}
