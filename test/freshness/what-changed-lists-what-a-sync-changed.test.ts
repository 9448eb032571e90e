import { describe, expect, it } from 'vitest';
import { addUnread, whatChanged, type CacheSnapshot, type Change } from '../../src-renderer/freshness/what-changed';
import type { InvoiceStatus } from '../../src-shared/domain/records';

function invoice(number: string, status: InvoiceStatus) {
  return [`${number} SEK`, { id: `c1/${number}`, opens: 'invoice' as const, number, customer: `Customer ${number}`, status }] as const;
}

function snapshot(parts: Partial<CacheSnapshot>): CacheSnapshot {
  return { invoices: new Map(), recourses: new Map(), cases: new Map(), failing: new Map(), ...parts };
}

const before = snapshot({
  invoices: new Map([invoice('1001', 'open'), invoice('1002', 'overdue'), invoice('1003', 'open'), invoice('1004', 'paid')]),
  recourses: new Map([['r1', { invoiceNumber: '0900', amount: 50_000, currency: 'SEK' }]]),
  cases: new Map([
    ['k1', { reference: 'K-1', stage: 'REMINDER' }],
    ['k2', { reference: 'K-2', stage: 'COLLECTION' }],
  ]),
  failing: new Map([['c9', 'Old failure']]),
});

describe('what changed between two snapshots of the cache', () => {
  it('names each invoice that became overdue or paid, each new recourse, new and moved cases and newly failing connections', () => {
    const after = snapshot({
      invoices: new Map([
        invoice('1001', 'overdue'), // became overdue
        invoice('1002', 'paid'), // was overdue, now paid
        invoice('1003', 'open'), // unchanged
        invoice('1004', 'paid'), // paid before: no news
        invoice('1005', 'overdue'), // new and already overdue
        invoice('1006', 'paid'), // new and already paid: no news
      ]),
      recourses: new Map([
        ['r1', { invoiceNumber: '0900', amount: 50_000, currency: 'SEK' }],
        ['r2', { invoiceNumber: '1003', amount: 12_500, currency: 'SEK' }],
      ]),
      cases: new Map([
        ['k1', { reference: 'K-1', stage: 'COLLECTION' }], // moved on
        ['k2', { reference: 'K-2', stage: 'COLLECTION' }], // unchanged
        ['k3', { reference: 'K-3', stage: 'REMINDER' }], // new
      ]),
      failing: new Map([
        ['c9', 'Old failure'],
        ['c2', 'Flowtly'],
      ]),
    });
    expect(whatChanged(before, after)).toEqual<Change[]>([
      { kind: 'failing', key: 'failing c2', connectionId: 'c2', label: 'Flowtly' },
      { kind: 'overdue', key: 'overdue 1001 SEK', id: 'c1/1001', opens: 'invoice', number: '1001', customer: 'Customer 1001' },
      { kind: 'paid', key: 'paid 1002 SEK', id: 'c1/1002', opens: 'invoice', number: '1002', customer: 'Customer 1002' },
      { kind: 'overdue', key: 'overdue 1005 SEK', id: 'c1/1005', opens: 'invoice', number: '1005', customer: 'Customer 1005' },
      { kind: 'recourse', key: 'recourse r2', invoiceNumber: '1003', amount: 12_500, currency: 'SEK' },
      { kind: 'case', key: 'case k1 COLLECTION', caseId: 'k1', reference: 'K-1', stage: 'COLLECTION', escalated: true },
      { kind: 'case', key: 'case k3 REMINDER', caseId: 'k3', reference: 'K-3', stage: 'REMINDER', escalated: false },
    ]);
  });

  it('has nothing to say when nothing changed', () => {
    expect(whatChanged(before, before)).toEqual([]);
  });

  it('treats the first fill of an empty cache as no news, except a connection that fails', () => {
    const after = snapshot({ invoices: new Map([invoice('1001', 'overdue')]), failing: new Map([['c2', 'Flowtly']]) });
    expect(whatChanged(snapshot({}), after).map((change) => change.key)).toEqual(['failing c2']);
  });

  it('keeps the unread list newest first, each change once, and bounded', () => {
    const change = (n: number): Change => ({ kind: 'failing', key: `failing c${n}`, connectionId: `c${n}`, label: `C${n}` });
    const unread = addUnread([change(1), change(2)], [change(3), change(1)]);
    expect(unread.map((c) => c.key)).toEqual(['failing c3', 'failing c1', 'failing c2']);
    expect(addUnread(unread, [change(4)], 2).map((c) => c.key)).toEqual(['failing c4', 'failing c3']);
  });
});
