/** Reads and decodes request bodies (JSON or form), with a size cap so a test cannot exhaust memory. */
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

export function decodeJson(text: string): Decoded<unknown> {
  if (text.trim() === '') return { ok: false, message: 'request body is empty; expected JSON' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `request body is not valid JSON: ${(error as Error).message}` };
  }
}

/** Token endpoints take form posts (OAuth 2.0) but clients often send JSON; accept both. */
export function decodeFormOrJson(text: string, contentType: string): Record<string, string> {
  if (contentType.includes('application/json')) {
    const decoded = decodeJson(text);
    if (!decoded.ok || typeof decoded.value !== 'object' || decoded.value === null) return {};
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(decoded.value)) if (typeof value === 'string') fields[key] = value;
    return fields;
  }
  return Object.fromEntries(new URLSearchParams(text));
}
