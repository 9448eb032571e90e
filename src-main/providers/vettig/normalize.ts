import type { LedgerEvent, LedgerEventType } from '../../../src-shared/domain/records';
import { recordId } from '../../../src-shared/domain/records';
import { parseMinorUnits, parseOptionalMinorUnits } from '../../../src-shared/money/parse-amount';
import { rawFields } from '../raw-fields';
import type { VettigEvent } from './schema';

const typeOf: Record<VettigEvent['type'], LedgerEventType> = {
  InvoiceFactoring: 'financed',
  Charge: 'charge',
  ClientPayout: 'payout',
  InvoiceRecourse: 'recourse',
  InvoiceRecoursePayment: 'recourse-payment',
};

/** A Vettig factoring event as a ledger event; amounts in minor units of the connection currency. */
export function normalizeVettigEvent(connectionId: string, currency: string, event: VettigEvent): LedgerEvent {
  const record = `Vettig event ${event.id}`;
  const money = (field: string, value: unknown) => parseMinorUnits(value, currency, { record, field });
  const charge = event.type === 'Charge' ? event : null;
  return {
    kind: 'ledger-event',
    id: recordId(connectionId, event.id),
    connectionId,
    provider: 'vettig',
    providerRef: event.id,
    type: typeOf[event.type],
    date: event.date,
    currency,
    amount: money('amount', event.amount),
    invoiceNumber: event.invoiceNumber ?? null,
    invoiceId: null,
    description: charge?.description ?? null,
    net: charge ? parseOptionalMinorUnits(charge.amountExclVat, currency, { record, field: 'amountExclVat' }) : null,
    vat: charge ? parseOptionalMinorUnits(charge.vat, currency, { record, field: 'vat' }) : null,
    breakdown: null,
    caseRef: null,
    raw: rawFields(event),
  };
}

/** Normalises a whole events list, keeping the first of any repeated event id. */
export function normalizeVettigEvents(connectionId: string, currency: string, events: readonly VettigEvent[]): LedgerEvent[] {
  const seen = new Set<string>();
  const records: LedgerEvent[] = [];
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    records.push(normalizeVettigEvent(connectionId, currency, event));
  }
  return records;
}
