import Dexie from 'dexie';
import { csvCell, csvTextRow, type CsvCell, type CsvRow } from '../../src-shared/csv/csv-cell';
import type { BalancePart, CasePayment } from '../../src-shared/domain/records';
import type { CacheDatabase, CachedCase, CachedEvent } from '../db/cache-database';
import type { Locale } from '../i18n/locales';
import { balanceProblems } from '../queries/collection-cases';
import { isoDayOf } from '../../src-shared/dates/iso-date';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import { addMinor } from '../../src-shared/money/exact-sum';
import type { ReconciliationProblem, Statement, StatementTotal } from './statement';
import { StatementText } from './statement-text';

export interface CollectionRequest {
  /** One connection's cases; all cached cases when absent. */
  connectionId?: string;
  language: Locale;
  /** The day the statement is made (YYYY-MM-DD), for the file name. */
  today: string;
}

const parts = ['capital', 'interest', 'costs'] as const;
type Part = (typeof parts)[number];
type Line = Part | 'caseTotal' | 'payment' | 'allocation';
type Sum = `${Line}.${'amount' | 'paid' | 'outstanding' | 'capital' | 'interest' | 'fees'}`;

/** The figures of one statement line, each in its column; absent ones stay empty. */
interface Figures {
  amount?: number;
  paid?: number;
  outstanding?: number;
  capital?: number;
  interest?: number;
  fees?: number;
}

/**
 * Per collection case: capital, interest and costs (amount, paid, outstanding, as of the case's
 * balance date), then its payments and the settlement allocations that paid it off. Every amount
 * is money the business is owed or receives, so positive. The case totals and the totals of all
 * cases per currency are the statement's totals (the summary file), never rows of the table.
 */
export async function buildCollectionStatement(db: CacheDatabase, request: CollectionRequest): Promise<Statement> {
  const { connectionId } = request;
  const inScope = (record: { connectionId: string }) => connectionId === undefined || record.connectionId === connectionId;
  const [cases, allocations] = await Promise.all([
    connectionId === undefined
      ? db.cases.toArray()
      : db.cases.where('[connectionId+stream]').between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true).toArray(),
    db.events
      .where('[type+date]')
      .between(['settlement-allocation', Dexie.minKey], ['settlement-allocation', Dexie.maxKey], true, true)
      .filter(inScope)
      .toArray(),
  ]);
  return collectionStatement(cases, allocations, request);
}

export function collectionStatement(all: readonly CachedCase[], allAllocations: readonly CachedEvent[], request: CollectionRequest): Statement {
  const text = new StatementText(request.language);
  const { columns: names, caseLines, rows: labels } = text.messages;
  const cases = [...all].sort(
    (a, b) => a.caseNumber.localeCompare(b.caseNumber, 'en', { numeric: true }) || a.connectionId.localeCompare(b.connectionId),
  );
  const caseKey = (connectionId: string, caseNumber: string) => `${connectionId}\u0000${caseNumber}`;
  const allocationsByCase = new Map<string, CachedEvent[]>();
  for (const allocation of [...allAllocations].sort((a, b) => a.date.localeCompare(b.date) || a.providerRef.localeCompare(b.providerRef))) {
    const key = caseKey(allocation.connectionId, allocation.caseRef ?? '');
    allocationsByCase.set(key, [...(allocationsByCase.get(key) ?? []), allocation]);
  }

  const sums = new CurrencySums<Sum>();
  const problems: ReconciliationProblem[] = [];
  const body: CsvRow[] = [];
  const line = (c: Pick<CachedCase, 'caseNumber' | 'invoiceNumbers' | 'status' | 'stage'> | null, kind: Line, currency: string, details: { date?: string | null; description?: string | null; invoices?: string | null }, figures: Figures): CsvRow => [
    csvCell.text(c?.caseNumber ?? null),
    csvCell.text(details.invoices ?? c?.invoiceNumbers.join(' ') ?? null),
    csvCell.text(c ? (c.stage && c.stage !== c.status ? `${c.status}, ${c.stage}` : c.status) : null),
    csvCell.text(caseLines[kind]),
    csvCell.date(isoDayOf(details.date ?? null)),
    csvCell.text(details.description ?? null),
    ...(['amount', 'paid', 'outstanding', 'capital', 'interest', 'fees'] as const).map((key) => money(figures[key], currency)),
    csvCell.text(currency),
  ];
  const count = (currency: string, kind: Line, figures: Figures) => {
    for (const [key, value] of Object.entries(figures) as [keyof Figures, number][]) sums.add(currency, `${kind}.${key}`, value);
  };

  for (const c of cases) {
    const { currency } = c;
    const total: BalancePart = { amount: 0, paid: 0, outstanding: 0 };
    const wrong = new Set(balanceProblems(c.balance));
    for (const part of parts) {
      const figures = c.balance[part];
      body.push(line(c, part, currency, { date: c.balance.asOf }, figures));
      count(currency, part, figures);
      total.amount = addMinor(total.amount, figures.amount);
      total.paid = addMinor(total.paid, figures.paid);
      total.outstanding = addMinor(total.outstanding, figures.outstanding);
      if (!wrong.has(part)) continue;
      problems.push(
        text.problem('case-part', c.caseNumber, {
          caseNumber: c.caseNumber,
          line: caseLines[part],
          paid: text.amount(figures.paid, currency),
          outstanding: text.amount(figures.outstanding, currency),
          amount: text.amount(figures.amount, currency),
        }),
      );
    }
    // The case total is a total: it goes in the summary, not among the lines it adds up.
    count(currency, 'caseTotal', total);
    if (wrong.has('total')) {
      problems.push(
        text.problem('case-outstanding', c.caseNumber, {
          caseNumber: c.caseNumber,
          sum: text.amount(total.outstanding, currency),
          total: text.amount(c.balance.totalOutstanding, currency),
        }),
      );
    }

    for (const payment of [...c.payments].sort((a, b) => paymentDate(a).localeCompare(paymentDate(b)))) {
      body.push(line(c, 'payment', payment.currency, { date: paymentDate(payment), description: paymentDescription(payment), invoices: payment.invoiceNumber }, { amount: payment.amount }));
      if (payment.currency === currency) count(currency, 'payment', { amount: payment.amount });
      else problems.push(text.problem('payment-currency', c.caseNumber, { caseNumber: c.caseNumber, amount: text.amount(payment.amount, payment.currency), currency }));
    }

    const key = caseKey(c.connectionId, c.caseNumber);
    for (const allocation of allocationsByCase.get(key) ?? []) body.push(allocationLine(c, allocation));
    allocationsByCase.delete(key);
  }

  // Allocations whose case is not cached are still money that moved: listed, never dropped.
  for (const allocations of allocationsByCase.values()) {
    for (const allocation of allocations) {
      body.push(allocationLine(null, allocation));
      problems.push(text.problem('allocation-without-case', allocation.providerRef, { reference: allocation.providerRef, caseNumber: allocation.caseRef ?? '—' }));
    }
  }

  function allocationLine(c: CachedCase | null, allocation: CachedEvent): CsvRow {
    const split = allocation.breakdown ?? { capital: 0, interest: 0, fees: 0 };
    const figures = { amount: allocation.amount, capital: split.capital, interest: split.interest, fees: split.fees };
    count(allocation.currency, 'allocation', figures);
    const sum = addMinor(addMinor(split.capital, split.interest), split.fees);
    if (sum !== allocation.amount) {
      problems.push(
        text.problem('allocation-breakdown', allocation.providerRef, {
          reference: allocation.providerRef,
          sum: text.amount(sum, allocation.currency),
          amount: text.amount(allocation.amount, allocation.currency),
        }),
      );
    }
    return line(c, 'allocation', allocation.currency, { date: allocation.date, description: allocation.description, invoices: allocation.invoiceNumber }, figures);
  }

  const totals: StatementTotal[] = [];
  const currencies = sums.currencies();
  for (const currency of currencies) {
    for (const kind of [...parts, 'caseTotal', 'payment', 'allocation'] as const) {
      const keys = kind === 'payment' || kind === 'allocation' ? (['amount'] as const) : (['amount', 'paid', 'outstanding'] as const);
      for (const key of keys) {
        if (!sums.has(currency, `${kind}.${key}`)) continue;
        const label = text.fill(labels.allCases, { line: caseLines[kind] });
        totals.push({ label: key === 'amount' ? label : `${label}: ${names[key]}`, currency, minor: sums.get(currency, `${kind}.${key}`) });
      }
    }
  }

  return {
    kind: 'collection',
    fileNameParts: ['collection', request.today],
    header: csvTextRow([
      names.caseNumber, names.invoiceNumbers, names.caseStatus, names.line, names.date, names.description,
      names.signedAmount, names.paid, names.outstanding, names.capital, names.interest, names.fees, names.currency,
    ]),
    rowCount: body.length,
    body: () => body,
    totals,
    summaryHeader: text.summaryHeader(),
    problems: [...text.mixedCurrencies(currencies), ...problems],
  };
}

function money(minor: number | undefined, currency: string): CsvCell {
  return minor === undefined ? csvCell.empty() : csvCell.amount(minor, currency);
}

function paymentDate(payment: CasePayment): string {
  return isoDayOf(payment.bankPaymentDate ?? payment.allocatedAt) ?? '';
}

function paymentDescription(payment: CasePayment): string | null {
  const words = [payment.description, payment.method, payment.status].filter((word): word is string => word !== null && word !== '');
  return words.length > 0 ? words.join(', ') : null;
}
