import { describe, expect, it } from 'vitest';
import type { Case } from '../../src-shared/domain/records';
import {
  balanceProblems,
  caseTimeline,
  caseTotals,
  compareCases,
  loadCaseDetail,
  loadCaseRows,
  matchesCaseFilter,
  toCaseRow,
} from '../../src-renderer/queries/collection-cases';
import { memoryCache } from '../support/memory-cache';
import { collectionCase, ledgerEvent } from '../support/records';

const today = '2025-06-30';

function withBalance(item: Case, capital: [number, number, number], interest: [number, number, number], costs: [number, number, number], total?: number): Case {
  const part = ([amount, paid, outstanding]: [number, number, number]) => ({ amount, paid, outstanding });
  return {
    ...item,
    balance: {
      capital: part(capital),
      interest: part(interest),
      costs: part(costs),
      totalOutstanding: total ?? capital[2] + interest[2] + costs[2],
      asOf: null,
    },
  };
}

function cached(item: Case) {
  return { ...item, stream: 'cases' as const, generation: 1, invoiceNumbers: item.invoices.map((i) => i.invoiceNumber) };
}

describe('collection cases', () => {
  it('flags every part whose paid + outstanding is not its amount, and a wrong total', () => {
    const ok = withBalance(collectionCase('c', '1', ['10']), [1000, 400, 600], [50, 0, 50], [180, 180, 0]);
    expect(balanceProblems(ok.balance)).toEqual([]);
    const wrongCapital = withBalance(collectionCase('c', '2', ['11']), [1000, 400, 500], [50, 0, 50], [180, 180, 0]);
    expect(balanceProblems(wrongCapital.balance)).toEqual(['capital']);
    const wrongTotal = withBalance(collectionCase('c', '3', ['12']), [1000, 400, 600], [50, 10, 40], [180, 0, 180], 1);
    expect(balanceProblems(wrongTotal.balance)).toEqual(['total']);
  });

  it('keeps flagged cases in the list and can show only them', async () => {
    const { db } = memoryCache();
    await db.cases.bulkPut([
      cached(withBalance(collectionCase('c', '1', ['10']), [1000, 400, 600], [0, 0, 0], [0, 0, 0])),
      cached(withBalance(collectionCase('c', '2', ['11']), [1000, 400, 500], [0, 0, 0], [0, 0, 0])),
    ]);
    const rows = await loadCaseRows(db, today);
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => matchesCaseFilter(row, {})).map((row) => row.caseNumber).sort()).toEqual(['1', '2']);
    expect(rows.filter((row) => matchesCaseFilter(row, { problemsOnly: true })).map((row) => row.caseNumber)).toEqual(['2']);
  });

  it('counts days active to the closing day, or to today while open', () => {
    const open = { ...collectionCase('c', '1', ['10']), openedAt: '2025-06-01T08:00:00.000Z', closedAt: null };
    expect(toCaseRow(open, today).daysActive).toBe(29);
    const closed = { ...open, closedAt: '2025-06-11' };
    expect(toCaseRow(closed, today).daysActive).toBe(10);
    expect(toCaseRow({ ...open, openedAt: null }, today).daysActive).toBeNull();
  });

  it('filters by status and stage and sorts by any column with empty values last', () => {
    const rows = [
      toCaseRow({ ...withBalance(collectionCase('c', '1', ['10']), [100, 0, 100], [0, 0, 0], [0, 0, 0]), status: 'ACTIVE', stage: 'COLLECTION' }, today),
      toCaseRow({ ...withBalance(collectionCase('c', '2', ['11']), [300, 0, 300], [0, 0, 0], [0, 0, 0]), status: 'CLOSED', stage: 'CLOSED' }, today),
      toCaseRow({ ...withBalance(collectionCase('c', '10', ['12']), [200, 0, 200], [0, 0, 0], [0, 0, 0]), status: 'ACTIVE', stage: null }, today),
    ];
    expect(rows.filter((row) => matchesCaseFilter(row, { statuses: ['ACTIVE'] })).map((r) => r.caseNumber)).toEqual(['1', '10']);
    expect(rows.filter((row) => matchesCaseFilter(row, { stages: ['CLOSED'] })).map((r) => r.caseNumber)).toEqual(['2']);
    const sorted = (column: Parameters<typeof compareCases>[0]['column'], direction: 'asc' | 'desc') =>
      [...rows].sort(compareCases({ column, direction })).map((r) => r.caseNumber);
    expect(sorted('capital', 'desc')).toEqual(['2', '10', '1']);
    expect(sorted('caseNumber', 'asc')).toEqual(['1', '2', '10']);
    expect(sorted('stage', 'asc')).toEqual(['2', '1', '10']); // CLOSED < COLLECTION
    expect(sorted('stage', 'desc')).toEqual(['1', '2', '10']);
  });

  it('totals outstanding per currency without mixing currencies', () => {
    const sek = toCaseRow(withBalance(collectionCase('c', '1', ['10']), [1000, 400, 600], [50, 0, 50], [180, 0, 180]), today);
    const eur = toCaseRow({ ...withBalance(collectionCase('c', '2', ['11']), [700, 0, 700], [0, 0, 0], [0, 0, 0]), currency: 'EUR' }, today);
    expect(caseTotals([sek, eur, sek])).toEqual([
      { currency: 'EUR', count: 1, capital: 700, interest: 0, costs: 0, totalOutstanding: 700 },
      { currency: 'SEK', count: 2, capital: 1200, interest: 100, costs: 360, totalOutstanding: 1660 },
    ]);
  });

  it('lists invoices, payments, events, actions and notes oldest first, and the money booked on the case', async () => {
    const { db } = memoryCache();
    const item: Case = {
      ...collectionCase('c', '77', ['10']),
      openedAt: '2025-03-01T08:00:00.000Z',
      entries: [
        { kind: 'note', title: 'Kundkontakt', text: 'Ringt', state: null, occurredAt: '2025-03-02T09:30:00.000Z' },
        { kind: 'event', title: 'Ärende registrerat', text: null, state: 0, occurredAt: '2025-03-01T08:00:00.000Z' },
        { kind: 'action', title: 'PAUSE', text: null, state: 1, occurredAt: null },
      ],
      payments: [{ invoiceNumber: '10', bankPaymentDate: '2025-03-05', allocatedAt: '2025-03-05', amount: 100_00, currency: 'SEK', description: null, method: null, status: 'SETTLED' }],
    };
    item.invoices[0]!.invoiceDate = '2025-01-15';
    await db.cases.put(cached(item));
    await db.events.bulkPut(
      [
        ledgerEvent('c', 'allocation-1', { type: 'settlement-allocation', date: '2025-04-10', invoiceNumber: '10', caseRef: '77', amount: 100_00 }),
        ledgerEvent('c', 'other-case', { type: 'settlement-allocation', date: '2025-04-10', invoiceNumber: '10', caseRef: '78', amount: 5_00 }),
        ledgerEvent('other', 'allocation-1', { type: 'settlement-allocation', date: '2025-04-10', invoiceNumber: '10', caseRef: '77', amount: 5_00 }),
      ].map((event) => ({ ...event, stream: 'settlements' as const, generation: 1 })),
    );
    const detail = await loadCaseDetail(db, 'c/77', today);
    expect(detail!.timeline.map((entry) => entry.kind)).toEqual(['invoice', 'event', 'note', 'payment', 'action']);
    expect(detail!.events.map((event) => event.id)).toEqual(['c/allocation-1']);
    expect(caseTimeline(item)).toEqual(detail!.timeline);
    expect(await loadCaseDetail(db, 'c/none', today)).toBeNull();
  });
});
