import type { z } from 'zod';
import { RpcError } from '../../src-shared/rpc/rpc-error';

/**
 * Cursors are opaque to the renderer: base64url of a small JSON object each stream defines.
 * A cursor that does not decode to that stream's shape is refused, never guessed at.
 */
export function encodeCursor(state: object): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
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
