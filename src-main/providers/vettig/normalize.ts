import type { LedgerEvent, LedgerEventType } from '../../../src-shared/domain/records';
import { recordId } from '../../../src-shared/domain/records';
import { parseMinorUnits, parseOptionalMinorUnits } from '../../../src-shared/money/parse-amount';
import { normalizeEach, refField, type Normalized } from '../normalize-each';
import type { Redact } from '../provider-failure';
import { validatePage } from '../provider-http';
import { rawFields } from '../raw-fields';
import { vettigEventSchema, type VettigEvent, type vettigEventTypes } from './schema';

const typeOf: Record<(typeof vettigEventTypes)[number], LedgerEventType> = {
  InvoiceFactoring: 'financed',
  Charge: 'charge',
  ClientPayout: 'payout',
  InvoiceRecourse: 'recourse',
  InvoiceRecoursePayment: 'recourse-payment',
};

function knownType(type: string | null | undefined): LedgerEventType | null {
  return type != null && Object.hasOwn(typeOf, type) ? typeOf[type as keyof typeof typeOf] : null;
}

/**
 * A Vettig factoring event as a ledger event; amounts in minor units of the connection currency.
 * A type Reskontra does not know becomes `unknown`, Vettig's word kept in `providerType`;
 * net and VAT are read wherever Vettig sends them.
 */
export function normalizeVettigEvent(connectionId: string, currency: string, event: VettigEvent): LedgerEvent {
  const record = `Vettig event ${event.id}`;
  const type = knownType(event.type);
  return {
    kind: 'ledger-event',
    id: recordId(connectionId, event.id),
    connectionId,
    provider: 'vettig',
    providerRef: event.id,
    type: type ?? 'unknown',
    ...(type === null && event.type ? { providerType: event.type } : {}),
    date: event.date,
    currency,
    amount: parseMinorUnits(event.amount, currency, { record, field: 'amount' }),
    invoiceNumber: event.invoiceNumber ?? null,
    invoiceId: null,
    description: event.description ?? null,
    net: parseOptionalMinorUnits(event.amountExclVat, currency, { record, field: 'amountExclVat' }),
    vat: parseOptionalMinorUnits(event.vat, currency, { record, field: 'vat' }),
    breakdown: null,
    caseRef: null,
    raw: rawFields(event),
  };
}

const eventRef = refField('id');

/** Normalises a whole events list record by record, keeping the first of any repeated event id. */
export function normalizeVettigEvents(connectionId: string, currency: string, events: readonly unknown[], redact: Redact): Normalized<LedgerEvent> {
  const seen = new Set<string>();
  const unique = events.filter((event) => {
    const ref = eventRef(event);
    if (ref === null) return true;
    if (seen.has(ref)) return false;
    seen.add(ref);
    return true;
  });
  return normalizeEach(
    unique,
    {
      kind: 'ledger-event',
      refOf: eventRef,
      read: (item, ref) => normalizeVettigEvent(connectionId, currency, validatePage(vettigEventSchema, item, `event ${ref ?? 'without id'}`)),
    },
    redact,
  );
}
