import Dexie from 'dexie';
import type { ProviderId } from '../../src-shared/domain/provider';
import type { LedgerEvent, LedgerEventType } from '../../src-shared/domain/records';
import { CurrencySums } from '../../src-shared/money/currency-sums';
import { addMinor } from '../../src-shared/money/exact-sum';
import type { CacheDatabase } from '../db/cache-database';
import { invoiceDirectory } from '../db/invoice-chunks';

/**
 * The factoring ledger: what the Events screen lists, filters and totals.
 *
 * Running balance — "balance with the factoring company", per connection and currency, from
 * the business's point of view: money due between the business and the factoring company that
 * has not moved yet. Positive means the factoring company owes the business, negative that the
 * business owes the factoring company, zero that they are square.
 *   financed          + amount  (the factoring company bought the invoice: it owes you the price)
 *   charge            − amount  (its fees, VAT included, are taken from what it owes you)
 *   payout            − amount  (it paid you: it owes you that much less)
 *   recourse          − amount  (it handed the invoice back: you owe it the financed amount)
 *   recourse-payment  + amount  (you paid the recourse, and any recourse fee, back)
 * Every other type leaves it unchanged: once an invoice is sold, what the customer pays, and
 * interest or fees on the invoice, are between the customer and the factoring company. So for
 * every factoring provider (Vettig's events; Aptic's purchase, purchase fee and payout from its
 * financial details) the balance returns to zero once the payout is booked, stays there while
 * the customer pays the factoring company, and after a recourse returns to zero once the
 * recourse is paid back. The balance of a row is the balance after that event in the whole
 * history of its connection and currency, whatever the filter shows, so filtering never
 * changes the figure on a row.
 */
export const factoringTypes = ['financed', 'charge', 'payout', 'recourse', 'recourse-payment'] as const satisfies readonly LedgerEventType[];

/** Every type the screen can filter by, in the order totals list them. */
export const ledgerTypes = [
  ...factoringTypes,
  'payment',
  'settlement-allocation',
  'invoiced',
  'credited',
  'interest',
  'fee',
  'unknown',
] as const satisfies readonly LedgerEventType[];

const balanceSign: Partial<Record<LedgerEventType, 1 | -1>> = {
  financed: 1,
  charge: -1,
  payout: -1,
  recourse: -1,
  'recourse-payment': 1,
};

/** How an event moves the balance with the factoring company, in minor units (see above). */
export function balanceEffect(event: Pick<LedgerEvent, 'type' | 'amount'>): number {
  return (balanceSign[event.type] ?? 0) * event.amount;
}

/** What the ledger needs of an event: small, so tens of thousands fit in memory. */
export interface LedgerRow {
  id: string;
  connectionId: string;
  provider: ProviderId;
  type: LedgerEventType;
  date: string;
  currency: string;
  amount: number;
  net: number | null;
  vat: number | null;
  invoiceNumber: string | null;
  description: string | null;
  /** The provider's own type when `type` is `unknown`. */
  providerType?: string;
  /** Balance with the factoring company after this event, in its connection and currency. */
  balance: number;
}

/** Within a day: the order a factoring day happens in (financed, its charges, the payout…). */
const typeRank = new Map<LedgerEventType, number>(ledgerTypes.map((type, n) => [type, n]));

const collator = new Intl.Collator(undefined, { numeric: true });

/** Chronological order, stable across loads: date, then the day's natural order, invoice, id. */
export function compareChronological(a: LedgerRow, b: LedgerRow): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const rank = (typeRank.get(a.type) ?? 99) - (typeRank.get(b.type) ?? 99);
  if (rank !== 0) return rank;
  const invoice = collator.compare(a.invoiceNumber ?? '', b.invoiceNumber ?? '');
  if (invoice !== 0) return invoice;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function toRow(event: LedgerEvent): LedgerRow {
  return {
    id: event.id,
    connectionId: event.connectionId,
    provider: event.provider,
    type: event.type,
    date: event.date,
    currency: event.currency,
    amount: event.amount,
    net: event.net,
    vat: event.vat,
    invoiceNumber: event.invoiceNumber,
    description: event.description,
    ...(event.providerType === undefined ? {} : { providerType: event.providerType }),
    balance: 0,
  };
}

/**
 * Reads the events of the given types through the `[type+date]` index (never the whole table:
 * customer payments can outnumber factoring events many times) and returns them oldest first
 * with their running balance. Factoring types are always read and returned, since the balance
 * needs them; `matchesLedgerFilter` picks the types to show.
 */
export async function loadLedgerRows(db: CacheDatabase, types: readonly LedgerEventType[] = factoringTypes): Promise<LedgerRow[]> {
  const wanted = new Set<LedgerEventType>([...factoringTypes, ...types]);
  const perType = await Promise.all(
    [...wanted].map((type) =>
      db.events
        .where('[type+date]')
        .between([type, Dexie.minKey], [type, Dexie.maxKey], true, true)
        .toArray(),
    ),
  );
  const rows = perType.flat().map(toRow);
  rows.sort(compareChronological);
  return withRunningBalance(rows);
}

/** Sets each row's running balance; rows must be in chronological order. */
export function withRunningBalance(rows: LedgerRow[]): LedgerRow[] {
  const balances = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.connectionId}\u0000${row.currency}`;
    const balance = addMinor(balances.get(key) ?? 0, balanceEffect(row));
    balances.set(key, balance);
    row.balance = balance;
  }
  return rows;
}

export interface LedgerFilter {
  /** Inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Empty or absent: the factoring types. */
  types?: readonly LedgerEventType[];
  connectionId?: string;
}

/** The types a filter shows: the factoring ledger unless it names others. */
export function typesOf(filter: LedgerFilter): readonly LedgerEventType[] {
  return filter.types && filter.types.length > 0 ? filter.types : factoringTypes;
}

export function matchesLedgerFilter(row: LedgerRow, filter: LedgerFilter): boolean {
  if (filter.from && row.date < filter.from) return false;
  if (filter.to && row.date > filter.to) return false;
  if (filter.connectionId && row.connectionId !== filter.connectionId) return false;
  return typesOf(filter).includes(row.type);
}

export interface TypeTotal {
  type: LedgerEventType;
  count: number;
  amount: number;
  /** Set for charges (net + VAT = amount when the provider splits every charge). */
  net: number | null;
  vat: number | null;
}

export interface LedgerTotals {
  currency: string;
  count: number;
  /** In the order of `ledgerTypes`; only types that occur. */
  byType: TypeTotal[];
  /** Sum of balance effects: how much the balance with the factoring companies moved. */
  balanceChange: number;
}

type TotalKey = 'count' | 'balanceChange' | `${LedgerEventType}.${'count' | 'amount' | 'net' | 'vat'}`;

/** Exact totals per currency and type (integer sums; currencies are never mixed). */
export function ledgerTotals(rows: Iterable<LedgerRow>): LedgerTotals[] {
  const sums = new CurrencySums<TotalKey>();
  const seen = new Set<LedgerEventType>();
  for (const row of rows) {
    seen.add(row.type);
    sums.add(row.currency, 'count', 1);
    sums.add(row.currency, 'balanceChange', balanceEffect(row));
    sums.add(row.currency, `${row.type}.count`, 1);
    sums.add(row.currency, `${row.type}.amount`, row.amount);
    if (row.net !== null) sums.add(row.currency, `${row.type}.net`, row.net);
    if (row.vat !== null) sums.add(row.currency, `${row.type}.vat`, row.vat);
  }
  const types = [...seen].sort((a, b) => (typeRank.get(a) ?? 99) - (typeRank.get(b) ?? 99));
  return sums.map((currency, sum) => ({
    currency,
    count: sum('count'),
    balanceChange: sum('balanceChange'),
    byType: types
      .filter((type) => sums.has(currency, `${type}.count`))
      .map((type) => ({
        type,
        count: sum(`${type}.count`),
        amount: sum(`${type}.amount`),
        net: sums.has(currency, `${type}.net`) ? sum(`${type}.net`) : null,
        vat: sums.has(currency, `${type}.vat`) ? sum(`${type}.vat`) : null,
      })),
  }));
}

export interface ClosingBalance {
  connectionId: string;
  currency: string;
  /** The day of the last factoring event on or before the end of the period. */
  date: string;
  balance: number;
}

/**
 * The balance with each factoring company at the end of the filter's period (or today): the
 * running balance after its last event up to `filter.to`, whatever types the filter shows.
 * `rows` must be in chronological order, as `loadLedgerRows` returns them.
 */
export function closingBalances(rows: readonly LedgerRow[], filter: LedgerFilter): ClosingBalance[] {
  const last = new Map<string, ClosingBalance>();
  for (const row of rows) {
    if (filter.to && row.date > filter.to) break;
    if (filter.connectionId && row.connectionId !== filter.connectionId) continue;
    if (balanceEffect(row) === 0 && !(factoringTypes as readonly string[]).includes(row.type)) continue;
    last.set(`${row.connectionId}\u0000${row.currency}`, { connectionId: row.connectionId, currency: row.currency, date: row.date, balance: row.balance });
  }
  return [...last.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.connectionId < b.connectionId ? -1 : 1));
}

/**
 * The cached invoice each number belongs to, for linking a ledger row to the invoice's detail
 * (Vettig's events name the invoice by number only). Read from the invoice directory
 * alone (no invoice record is read); when several connections hold the number, the first by id is taken.
 */
export async function invoiceIdsByNumber(db: CacheDatabase, numbers: Iterable<string>): Promise<Map<string, string>> {
  const wanted = new Set(numbers);
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;
  const matching = [...(await invoiceDirectory(db))].filter(([, { number }]) => wanted.has(number));
  for (const [id, { number }] of matching.sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!ids.has(number)) ids.set(number, id);
  }
  return ids;
}
