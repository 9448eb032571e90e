/**
 * How browser mode's loopback HTTP carries a call whose input holds bytes (a field `bytes`, a
 * Uint8Array): the bytes are the request body, the other fields JSON in a header.
 */
export const bytesContentType = 'application/octet-stream';
export const bytesInputHeader = 'x-reskontra-input';

/** The input's bytes and the rest of it, when it carries bytes. */
export function splitBytes(input: unknown): { bytes: Uint8Array<ArrayBuffer>; rest: Record<string, unknown> } | null {
  if (typeof input !== 'object' || input === null || !('bytes' in input) || !(input.bytes instanceof Uint8Array)) return null;
  const { bytes, ...rest } = input as { bytes: Uint8Array<ArrayBuffer> } & Record<string, unknown>;
  return { bytes, rest };
}
