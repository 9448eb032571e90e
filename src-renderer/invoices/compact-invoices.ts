import { dayNumber } from '../../src-shared/dates/iso-date';
import type { InvoiceStatus } from '../../src-shared/domain/records';
import { invoiceStatuses } from '../../src-shared/ledger/invoice-status';
import { customerKeyOf, type SortColumn } from '../queries/invoice-filter';
import type { InvoiceRow } from '../queries/invoice-row';

/** A dictionary-encoded string column: each distinct value once, a code per row. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of a value already in it, or -1. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

/** `dictionary.code`, the last value's code kept: neighbouring rows often share a connection, currency or customer. */
function lastCoded(dictionary: Dictionary): (value: string) => number {
  let last: string | undefined;
  let lastCode = 0;
  return (value) => {
    if (value !== last) {
      lastCode = dictionary.code(value);
      last = value;
    }
    return lastCode;
  };
}

/** A date column's value for "no date": sorts after every day, as `compareRows` puts null last. */
export const noDay = 2 ** 31 - 1;

const statusCode = new Map<InvoiceStatus, number>(invoiceStatuses.map((status, code) => [status, code]));

/**
 * The list's rows as columns: typed arrays for amounts, days and codes, and every row's search
 * text in one string. Filtering, sorting and totalling a keystroke then reads a few flat arrays
 * instead of touching 100,000 (or 1,000,000) objects; the row objects are only read for the
 * rows on screen. Rows are appended a batch at a time (`append`), so the screen can work with
 * what is read while the rest loads.
 */
export class CompactInvoices {
  length = 0;
  readonly rows: InvoiceRow[] = [];
  readonly connections = new Dictionary();
  readonly currencies = new Dictionary();
  readonly customerKeys = new Dictionary();
  /**
   * The sortable text columns that repeat, each dictionary-encoded (ranked when the list is sorted
   * by it). Numbers are each row's own: a dictionary of them would only cost.
   */
  readonly texts: Record<TextColumn, Dictionary> = { customer: new Dictionary(), provider: new Dictionary(), financing: new Dictionary() };
  readonly textCodes: Record<TextColumn, Uint32Array> = { customer: new Uint32Array(0), provider: new Uint32Array(0), financing: new Uint32Array(0) };
  connection = new Uint16Array(0);
  currency = new Uint16Array(0);
  status = new Uint8Array(0);
  customerKey = new Uint32Array(0);
  issueDay = new Int32Array(0);
  dueDay = new Int32Array(0);
  total = new Float64Array(0);
  outstanding = new Float64Array(0);
  problems = new Uint8Array(0);
  /**
   * The rows' search texts, a block per `append` or per `searchBlockRows` of it: each row's text
   * followed by a line break (which no search word holds), so one `indexOf` over a block finds a
   * word in any of its rows.
   */
  readonly searchBlocks: SearchBlock[] = [];
  /** Where each row's search text ends within its block (the line break's position). */
  textEnd = new Uint32Array(0);

  constructor(rows: readonly InvoiceRow[] = []) {
    this.append(rows);
  }

  append(rows: readonly InvoiceRow[]): void {
    const from = this.length;
    this.grow(from + rows.length);
    const parts: string[] = [];
    let offset = 0;
    // A few thousand distinct dates among 100,000 rows: each is read once.
    const days = new Map<string, number>();
    const dayOf = (date: string | null) => {
      if (date === null) return noDay;
      let day = days.get(date);
      if (day === undefined) days.set(date, (day = dayNumber(date)));
      return day;
    };
    // Held in locals and the text columns named one by one: a row's fields read by name, not by a
    // key from a list, and each column found once per append (~0.2 s of a load at 100,000 before).
    const { connection, currency, status, customerKey, issueDay, dueDay, total, outstanding, problems, textEnd } = this;
    const customer = this.textCodes.customer;
    const provider = this.textCodes.provider;
    const financing = this.textCodes.financing;
    const connections = lastCoded(this.connections);
    const currencies = lastCoded(this.currencies);
    const customerKeys = lastCoded(this.customerKeys);
    const customers = lastCoded(this.texts.customer);
    const providers = lastCoded(this.texts.provider);
    const financings = lastCoded(this.texts.financing);
    let blockFirst = from;
    for (let n = 0; n < rows.length; n++) {
      const row = rows[n]!;
      const i = from + n;
      this.rows.push(row);
      connection[i] = connections(row.connectionId);
      currency[i] = currencies(row.currency);
      status[i] = statusCode.get(row.status) ?? 0;
      customerKey[i] = customerKeys(customerKeyOf(row));
      issueDay[i] = dayOf(row.issueDate);
      dueDay[i] = dayOf(row.dueDate);
      total[i] = row.total;
      outstanding[i] = row.outstanding;
      problems[i] = row.problems > 0 ? 1 : 0;
      customer[i] = customers(row.customer);
      provider[i] = providers(row.provider);
      financing[i] = financings(row.financing);
      parts.push(row.searchText);
      offset += row.searchText.length;
      textEnd[i] = offset;
      offset += 1;
      if (i + 1 - blockFirst === searchBlockRows || n === rows.length - 1) {
        this.searchBlocks.push({ first: blockFirst, end: i + 1, text: `${parts.join('\n')}\n` });
        parts.length = 0;
        offset = 0;
        blockFirst = i + 1;
      }
    }
    this.length = from + rows.length;
  }

  private grow(length: number): void {
    if (length <= this.connection.length) return;
    const size = Math.max(length, Math.ceil(this.connection.length * 1.5), 1024);
    const grown = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(array: T, make: (size: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.connection = grown(this.connection, (n) => new Uint16Array(n));
    this.currency = grown(this.currency, (n) => new Uint16Array(n));
    this.status = grown(this.status, (n) => new Uint8Array(n));
    this.customerKey = grown(this.customerKey, (n) => new Uint32Array(n));
    this.issueDay = grown(this.issueDay, (n) => new Int32Array(n));
    this.dueDay = grown(this.dueDay, (n) => new Int32Array(n));
    this.total = grown(this.total, (n) => new Float64Array(n));
    this.outstanding = grown(this.outstanding, (n) => new Float64Array(n));
    this.problems = grown(this.problems, (n) => new Uint8Array(n));
    for (const column of textColumns) this.textCodes[column] = grown(this.textCodes[column], (n) => new Uint32Array(n));
    this.textEnd = grown(this.textEnd, (n) => new Uint32Array(n));
  }
}

/**
 * At most this many rows' texts to a search block. The search's character bits are read a block at
 * a time, and a block's bits are used only once it is read whole: the screen's index is made by one
 * `append` of every row, and at a million rows a keystroke in the first seconds walked every row's
 * text until all million were read.
 */
export const searchBlockRows = 4_096;

/** Rows `first` to `end` (exclusive): their search texts, each ended by a line break. */
export interface SearchBlock {
  first: number;
  end: number;
  text: string;
}

/** The sortable columns held as dictionary-encoded strings (status and currency sort by their word too). */
export const textColumns = ['customer', 'provider', 'financing'] as const satisfies readonly SortColumn[];
export type TextColumn = (typeof textColumns)[number];
