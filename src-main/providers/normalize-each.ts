import type { RecordProblem } from '../../src-shared/domain/record-problem';
import { quarantineJsonLimit, type QuarantinedRecord } from '../../src-shared/domain/records';
import { AmountError } from '../../src-shared/money/parse-amount';
import { InvalidPageError, redactProblem, type Redact } from './provider-failure';

/** How one provider item becomes domain records, and how to name it if it cannot. */
export interface RecordReader<R> {
  kind: QuarantinedRecord['kind'];
  /** The provider's id of the raw item, read before validation so a quarantined item still names it. */
  refOf(item: unknown): string | null;
  /** Validates and normalises one item; throws InvalidPageError or AmountError if it cannot. */
  read(item: unknown, ref: string | null): R | readonly R[];
}

export interface Normalized<R> {
  records: R[];
  quarantined: QuarantinedRecord[];
}

/**
 * Normalises a page record by record: an item that cannot be read is quarantined (its JSON and
 * the reason, redacted) and every other item is kept, so one odd record never costs a page.
 * Any other failure (a nested request that failed, a bug) still fails the page.
 */
export function normalizeEach<R>(items: readonly unknown[], reader: RecordReader<R>, redact: Redact): Normalized<R> {
  const records: R[] = [];
  const quarantined: QuarantinedRecord[] = [];
  for (const item of items) {
    const ref = reader.refOf(item);
    try {
      const read = reader.read(item, ref);
      if (Array.isArray(read)) records.push(...(read as readonly R[]));
      else records.push(read as R);
    } catch (error) {
      if (!(error instanceof InvalidPageError || error instanceof AmountError)) throw error;
      quarantined.push(quarantine(reader.kind, ref, item, error.message, redact, error.problem));
    }
  }
  return { records, quarantined };
}

/**
 * One quarantine entry: the reason (in English, and as a code where there is one) and the
 * provider's JSON, redacted, the JSON size-capped.
 */
export function quarantine(kind: QuarantinedRecord['kind'], ref: string | null, item: unknown, reason: string, redact: Redact, problem?: RecordProblem): QuarantinedRecord {
  const json = JSON.stringify(item) ?? 'null';
  const capped = json.length > quarantineJsonLimit ? `${json.slice(0, quarantineJsonLimit)}…` : json;
  const entry: QuarantinedRecord = { providerRef: ref === null ? null : redact(ref), kind, reason: redact(reason), json: redact(capped) };
  return problem ? { ...entry, problem: redactProblem(problem, redact) } : entry;
}


/** The first of `fields` that holds a non-empty string or a finite number, as text. */
export function refField(...fields: string[]): (item: unknown) => string | null {
  return (item) => {
    if (typeof item !== 'object' || item === null) return null;
    for (const field of fields) {
      const value = (item as Record<string, unknown>)[field];
      if (typeof value === 'string' && value !== '') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    }
    return null;
  };
}

/** Several normalised parts of one page as one. */
export function joinNormalized<R>(parts: readonly Normalized<R>[]): Normalized<R> {
  return { records: parts.flatMap((part) => part.records), quarantined: parts.flatMap((part) => part.quarantined) };
}
