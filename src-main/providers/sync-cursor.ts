import type { z } from 'zod';
import { providerNames, type ProviderId } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { RecordProblem } from '../../src-shared/domain/record-problem';

/**
 * Cursors are opaque to the renderer: base64url of a small JSON object each stream defines.
 * A cursor that does not decode to that stream's shape is refused, never guessed at.
 */
export function encodeCursor(state: object): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

const ascii = /^[\x00-\x7f]*$/;

/**
 * `encodeCursor` of each state, for a page's worth at once (an invoice's detail request is encoded
 * like a cursor): their JSON goes into one buffer and each is encoded from its slice, where a
 * buffer per state was most of what encoding one cost. Text other than ASCII (where a character
 * is not one byte) is encoded one by one.
 */
export function encodeCursors(states: readonly object[]): string[] {
  const texts = states.map((state) => JSON.stringify(state));
  const all = texts.join('');
  if (!ascii.test(all)) return texts.map((text) => Buffer.from(text, 'utf8').toString('base64url'));
  const bytes = Buffer.from(all, 'latin1');
  let at = 0;
  return texts.map((text) => bytes.toString('base64url', at, (at += text.length)));
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S, stream: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(stream);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidCursor(stream);
  return parsed.data;
}

function invalidCursor(stream: string): RpcError {
  return new RpcError('invalid_input', `The cursor for stream "${stream}" is not one Reskontra made; sync the stream from the start.`);
}

export function unknownStream(provider: string, stream: string): RpcError {
  return new RpcError('invalid_input', `${provider} has no stream "${stream}".`);
}

/** No stream walks further than this: a provider still sending pages past it never stops. */
export const maxRecordsPerWalk = 5_000_000;

/**
 * Ends a walk whose pages never end: a next page that does not move forward, more records than
 * the provider itself reported (by more than a page: counts may change during a walk), or more
 * than `maxRecordsPerWalk`. The stream then fails with a clear error instead of looping forever
 * or stopping silently short.
 */
export function checkPagesEnd(
  provider: ProviderId,
  walk: { page: number; next: number | null; done: number; total: number | null; pageSize: number; limit?: { most: number; of: string; problem: RecordProblem } },
): void {
  const name = providerNames[provider];
  const fail = (said: string, problem: RecordProblem) => {
    throw new RpcError('provider_unreadable', `${name} sent data Reskontra cannot read: ${said}`, { provider, said, problem });
  };
  if (walk.next === null) return;
  if (walk.next <= walk.page) fail(`the page after page ${walk.page} points back to page ${walk.next}`, { code: 'pageBack', page: walk.page, next: walk.next });
  if (walk.total !== null && walk.done > walk.total + walk.pageSize) {
    fail(`it keeps sending pages: ${walk.done} records, past the ${walk.total} it reported`, { code: 'pastTotal', done: walk.done, total: walk.total });
  }
  const { most, of, problem } = walk.limit ?? { most: maxRecordsPerWalk, of: 'records', problem: { code: 'pastRecords', most: maxRecordsPerWalk } };
  if (walk.done > most) fail(`it keeps sending pages past ${most} ${of}`, problem);
}
