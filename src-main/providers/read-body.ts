import type { HttpOptions } from './http-options';
import { BodyTimeoutError, ResponseTooLargeError } from './provider-failure';

/**
 * A response body as text, read as it streams in: past `maxResponseBytes` (or when
 * Content-Length already says so) reading stops and the connection is dropped, so a huge page
 * never sits in memory whole; a body that has not arrived within `timeoutMs` (a stall or a slow
 * drip) stops the same way. Bytes that are not UTF-8 read as U+FFFD, as `Response.text()` does.
 */
export async function readBody(response: Response, options: Pick<HttpOptions, 'timeoutMs' | 'maxResponseBytes'>): Promise<string> {
  const limit = options.maxResponseBytes;
  const body = response.body;
  if (Number(response.headers.get('content-length')) > limit) {
    await body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(limit);
  }
  if (!body) return '';
  const reader = body.getReader();
  // Bytes are kept as they came and decoded once whole: a body cut off at the limit then
  // never held its text as well (and a character split across chunks decodes right).
  const chunks: Uint8Array[] = [];
  let received = 0;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BodyTimeoutError()), options.timeoutMs);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stalled]);
      if (done) break;
      received += value.byteLength;
      if (received > limit) throw new ResponseTooLargeError(limit);
      chunks.push(value);
    }
    return decodeReleasing(chunks);
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The chunks as UTF-8 text, each let go once decoded, so bytes and text are not held twice. */
function decodeReleasing(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (let index = 0; index < chunks.length; index += 1) {
    parts.push(decoder.decode(chunks[index], { stream: true }));
    chunks[index] = new Uint8Array(0);
  }
  parts.push(decoder.decode());
  return parts.join('');
}
