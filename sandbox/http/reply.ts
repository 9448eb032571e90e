/** What a route returns: the server layer (and the fault injector) turns it into bytes. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless `text` is given. Omitted for 204. */
  body?: unknown;
  /** A body sent as-is (malformed JSON faults use this). */
  text?: string;
  /** A body already encoded (Aptic's list page is written straight into bytes). */
  bytes?: Buffer;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

export function noContent(): Reply {
  return { status: 204 };
}

/** The bytes and content type a reply goes out with. */
export function serialise(reply: Reply): { contentType: string; payload: string | Buffer } {
  const contentType = reply.headers?.['content-type'] ?? 'application/json; charset=utf-8';
  if (reply.bytes !== undefined) return { contentType, payload: reply.bytes };
  if (reply.text !== undefined) return { contentType, payload: reply.text };
  if (reply.body === undefined) return { contentType, payload: '' };
  return { contentType, payload: JSON.stringify(reply.body) };
}
