import type { BalancePart, Case, CaseEntry, LedgerEvent } from '../../../src-shared/domain/records';
import type { RecordProblem } from '../../../src-shared/domain/record-problem';
import { recordId } from '../../../src-shared/domain/records';
import { sumMinor } from '../../../src-shared/money/exact-sum';
import { AmountError, parseMinorUnits } from '../../../src-shared/money/parse-amount';
import { normalizeEach, quarantine, refField, type Normalized, type RecordReader } from '../normalize-each';
import { InvalidPageError, type Redact } from '../provider-failure';
import { validatePage } from '../provider-http';
import { isoDayOf } from '../../../src-shared/dates/iso-date';
import { rawFields } from '../raw-fields';
import { confirmaAllocationSchema, confirmaCaseSchema, confirmaDebtorSchema, confirmaSettlementSchema, type ConfirmaAllocation, type ConfirmaCase, type ConfirmaSettlement } from './schema';

/** Cases of one page, read one by one. */
export function normalizeConfirmaCases(connectionId: string, cases: readonly unknown[], redact: Redact): Normalized<Case> {
  return normalizeEach(
    cases,
    {
      kind: 'case',
      refOf: (item) => (typeof item === 'object' && item !== null ? refField('caseId')((item as { summary?: unknown }).summary) : null),
      read: (item, ref) => normalizeConfirmaCase(connectionId, validatePage(confirmaCaseSchema, item, `Confirma case ${ref ?? 'without id'}`)),
    },
    redact,
  );
}

/** A Confirma collection case with its balance in minor units of the case currency. */
export function normalizeConfirmaCase(connectionId: string, item: ConfirmaCase): Case {
  const caseNumber = String(item.summary.caseId);
  const currency = item.summary.currency;
  const record = `Confirma case ${caseNumber}`;
  const money = (field: string, value: unknown) => parseMinorUnits(value, currency, { record, field });
  const b = item.balance;
  const part = (name: 'capital' | 'interest' | 'costs'): BalancePart => ({
    amount: money(`balance.${name}Amount`, b[`${name}Amount`]),
    paid: money(`balance.${name}Paid`, b[`${name}Paid`]),
    outstanding: money(`balance.${name}Outstanding`, b[`${name}Outstanding`]),
  });
  const entries: CaseEntry[] = [
    ...item.events.map((event) => ({
      kind: 'event' as const,
      title: event.title ?? '',
      text: event.description ?? null,
      state: event.state ?? null,
      occurredAt: event.occurredAt ?? null,
    })),
    ...item.actions.map((action) => ({
      kind: 'action' as const,
      title: action.type ?? '',
      text: action.comment ?? null,
      state: action.status ?? null,
      occurredAt: action.occurredAt ?? null,
    })),
    ...item.notes.map((note) => ({
      kind: 'note' as const,
      title: note.title ?? '',
      text: note.content ?? null,
      state: null,
      occurredAt: note.occuredAt ?? note.occurredAt ?? null,
    })),
  ];
  return {
    kind: 'case',
    id: recordId(connectionId, caseNumber),
    connectionId,
    provider: 'confirma',
    providerRef: caseNumber,
    caseNumber,
    // Confirma's statuses are its own words, shown as written; a case without one says so.
    status: item.summary.status ?? 'unknown',
    stage: item.summary.stage ?? null,
    agency: item.summary.agency ?? null,
    creditor: item.summary.creditor ?? null,
    debtor: debtorOf(item),
    openedAt: item.summary.createdAt ?? null,
    closedAt: item.summary.closedAt ?? null,
    currency,
    balance: {
      capital: part('capital'),
      interest: part('interest'),
      costs: part('costs'),
      totalOutstanding: money('balance.totalOutstanding', b.totalOutstanding),
      asOf: b.asOf ?? null,
    },
    invoices: item.invoices.map((invoice, n) => ({
      invoiceNumber: invoice.invoiceNumber,
      reference: invoice.reference ?? null,
      invoiceDate: invoice.invoiceDate ?? null,
      dueDate: invoice.dueDate ?? null,
      capitalAmount: money(`invoices[${n}].capitalAmount`, invoice.capitalAmount),
      capitalPaid: money(`invoices[${n}].capitalPaid`, invoice.capitalPaid),
      interestAmount: money(`invoices[${n}].interestAmount`, invoice.interestAmount),
      interestPaid: money(`invoices[${n}].interestPaid`, invoice.interestPaid),
      interestRate: invoice.interestRate ?? null,
      distributionChannel: invoice.distribution?.channel ?? null,
      timeline: invoice.timeline.map((step) => ({ type: step.type ?? '', occurredAt: step.occurredAt ?? null })),
    })),
    payments: item.payments.map((payment, n) => {
      const paymentCurrency = payment.currency ?? currency;
      return {
        invoiceNumber: payment.invoiceNumber ?? null,
        bankPaymentDate: payment.bankPaymentDate ?? null,
        allocatedAt: payment.allocatedAt ?? null,
        amount: parseMinorUnits(payment.amount, paymentCurrency, { record, field: `payments[${n}].amount` }),
        currency: paymentCurrency,
        description: payment.description ?? null,
        method: payment.method ?? null,
        status: payment.status ?? null,
      };
    }),
    entries,
    raw: { ...rawFields(item.summary), ...prefixed('balance.', rawFields(item.balance)) },
  };
}

/** The debtor a case names (see `confirmaDebtorSchema`); unknown parts are null. */
function debtorOf(item: ConfirmaCase): Case['debtor'] {
  const said = confirmaDebtorSchema.safeParse(item.debtor ?? item.summary.debtor);
  if (!said.success) return { name: null, number: null };
  const { name, customerNumber, organizationNumber } = said.data;
  const number = customerNumber ?? organizationNumber;
  return { name: name?.trim() || null, number: number === null || number === undefined ? null : String(number) };
}

function prefixed(prefix: string, fields: Record<string, string | number | boolean | null>) {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [`${prefix}${key}`, value]));
}

/**
 * An allocation as a ledger event. Pending ones (`/payments`) are payments; settled ones are
 * settlement allocations dated on the settlement day. Both use the allocation id, so a
 * settled allocation replaces its pending self in the cache. The breakdown must add up.
 */
export function normalizeConfirmaAllocation(
  connectionId: string,
  allocation: ConfirmaAllocation,
  settlement: ConfirmaSettlement | null,
): LedgerEvent {
  const record = `Confirma allocation ${allocation.allocationId}`;
  const currency = allocation.currency;
  const money = (field: string, value: unknown) => parseMinorUnits(value, currency, { record, field });
  const total = money('allocatedTotalAmount', allocation.allocatedTotalAmount);
  const part = (type: 'CAPITAL' | 'INTEREST' | 'FEES') =>
    sumMinor(
      allocation.breakdown
        .map((entry, n) => ({ entry, n }))
        .filter(({ entry }) => entry.type === type)
        .map(({ entry, n }) => money(`breakdown[${n}].amount`, entry.amount)),
    );
  const breakdown = { capital: part('CAPITAL'), interest: part('INTEREST'), fees: part('FEES') };
  if (breakdown.capital + breakdown.interest + breakdown.fees !== total) {
    throw new InvalidPageError(`${record}: field breakdown: capital, interest and fees do not add up to allocatedTotalAmount`, { code: 'breakdown' });
  }
  const date = isoDayOf(settlement ? settlement.settlementDate : allocation.allocationDate);
  const dateField = settlement ? 'settlementDate' : 'allocationDate';
  if (!date) throw new InvalidPageError(`${record}: field ${dateField}: expected a date`, { code: 'date', field: dateField });
  const providerRef = `allocation-${allocation.allocationId}`;
  const caseRef = allocation.caseId === null || allocation.caseId === undefined ? null : String(allocation.caseId);
  return {
    kind: 'ledger-event',
    id: recordId(connectionId, providerRef),
    connectionId,
    provider: 'confirma',
    providerRef,
    type: settlement ? 'settlement-allocation' : 'payment',
    date,
    currency,
    amount: total,
    invoiceNumber: allocation.originalInvoiceNumber ?? null,
    invoiceId: null,
    // The settlement's own reference: the event type already says what it is, in the app's language.
    description: settlement ? settlement.settlementId : null,
    net: null,
    vat: null,
    breakdown,
    caseRef,
    raw: {
      ...rawFields(allocation),
      ...(settlement
        ? {
            settlementId: settlement.settlementId,
            settlementDate: settlement.settlementDate,
            remittanceReference: settlement.remittanceReference ?? null,
            agency: settlement.agency ?? null,
          }
        : {}),
    },
  };
}

const allocationRef = (item: unknown) => {
  const ref = refField('allocationId')(item);
  return ref === null ? null : `allocation-${ref}`;
};

/** Pending allocations (`/payments`), one ledger event each, read one by one. */
export function normalizeConfirmaPayments(connectionId: string, allocations: readonly unknown[], redact: Redact): Normalized<LedgerEvent> {
  return normalizeEach(allocations, allocationReader(connectionId, null), redact);
}

/**
 * A settlement's allocations as ledger events, read one by one. A settlement whose own fields
 * cannot be read, or whose allocations do not add up to what was paid out, cannot vouch for
 * any of them: then every allocation of it is quarantined with that reason.
 */
export function normalizeConfirmaSettlement(connectionId: string, item: unknown, redact: Redact): Normalized<LedgerEvent> {
  const ref = refField('settlementId')(item);
  const listed = typeof item === 'object' && item !== null ? (item as { allocations?: unknown }).allocations : undefined;
  const allocations: readonly unknown[] = Array.isArray(listed) ? listed : [];
  const whole = (reason: string, problem: RecordProblem | undefined): Normalized<LedgerEvent> => ({
    records: [],
    quarantined: allocations.map((allocation) => quarantine('ledger-event', allocationRef(allocation), allocation, reason, redact, problem)),
  });
  const record = `Confirma settlement ${ref ?? 'without id'}`;
  let settlement: ConfirmaSettlement;
  let paidOut: number;
  try {
    settlement = validatePage(confirmaSettlementSchema, item, record);
    paidOut = parseMinorUnits(settlement.settlementAmount, settlement.currency, { record, field: 'settlementAmount' });
  } catch (error) {
    if (error instanceof InvalidPageError || error instanceof AmountError) return whole(error.message, settlementProblem(error.problem));
    throw error;
  }
  const read = normalizeEach(settlement.allocations, allocationReader(connectionId, settlement), redact);
  if (read.quarantined.length > 0) return whole(`${record}: an allocation cannot be read, so its allocations cannot be checked against settlementAmount`, { code: 'settlementUnchecked' });
  const allocated = sumMinor(read.records.filter((event) => event.currency === settlement.currency).map((event) => event.amount));
  if (allocated !== paidOut) return whole(`${record}: field settlementAmount: the allocations add up to a different amount`, { code: 'settlementSum' });
  return read;
}

/** A settlement's own field problem, as its allocations keep it: said to be the settlement's. */
function settlementProblem(problem: RecordProblem | undefined): RecordProblem | undefined {
  return problem === undefined || problem.code === 'settlement' ? problem : { code: 'settlement', problem };
}

function allocationReader(connectionId: string, settlement: ConfirmaSettlement | null): RecordReader<LedgerEvent> {
  return {
    kind: 'ledger-event',
    refOf: allocationRef,
    read: (item, ref) => normalizeConfirmaAllocation(connectionId, validatePage(confirmaAllocationSchema, item, `Confirma ${ref ?? 'allocation without id'}`), settlement),
  };
}
