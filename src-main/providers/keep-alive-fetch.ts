/**
 * The `fetch` ky sends a client's reads with: node:http(s) over one keep-alive agent per client,
 * answering with a standard `Response` whose body streams in. ky keeps every rule of its own
 * (retries, `Retry-After`, timeouts, hooks); this only replaces the transport under it.
 *
 * Why: a first sync makes three detail calls per invoice, and measured per call
 * (test/bench/support/detail-call-costs.ts) undici's fetch, and a second `Request` per attempt
 * to pace it, were most of main's ~1.7 ms of CPU per call, several times what the sandbox needs to
 * answer one.
 *
 * Paced (`limiter`), each attempt waits for the limiter's slot and times out `timeoutMs` after it
 * is sent, with ky's `TimeoutError` (ky's own timeout is off then: waiting for a slot is not the
 * provider being slow). As undici's fetch does: a refused connection or a redirect (ky asks for
 * `redirect: 'error'`) rejects with TypeError `fetch failed`, which ky reads as a network error; a
 * body that breaks off errors its stream with TypeError `terminated`.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TimeoutError } from 'ky';
import type { DetailLimiter } from './detail-limiter';

/**
 * How long a socket may sit idle before it is closed. Node's agent closes only idle sockets when
 * this passes (a slow answer is ky's timeout's business), so a client dropped after its
 * connection is edited or removed leaves no open sockets behind. Below Node's default server
 * keep-alive of 5 s, so a socket is rarely reused just as a provider like that closes it.
 */
export const idleSocketMs = 4_000;

export function createKeepAliveFetch(baseUrl: string, paced?: { limiter: DetailLimiter; timeoutMs: number }, idleMs = idleSocketMs): typeof fetch {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const hostname = base.hostname.replace(/^\[|\]$/g, '');
  /** A request to the base URL's origin (ky's `prefix` makes every one so) is sent by its path without parsing its URL again. */
  const origin = `${base.origin}/`;
  const target = (url: string) => {
    if (url.startsWith(origin)) return { hostname, port: base.port, path: url.slice(origin.length - 1) };
    const parsed = new URL(url);
    return { hostname: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port, path: `${parsed.pathname}${parsed.search}` };
  };
  const agentOptions = { keepAlive: true, timeout: idleMs };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;

  const exchange = async (request: Request, timeoutMs: number | null): Promise<Response> => {
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = send(
        { agent, ...target(request.url), method: request.method, headers: Object.fromEntries(request.headers) },
        (incoming) => {
          done();
          const status = incoming.statusCode ?? 0;
          if (status >= 300 && status < 400) {
            incoming.resume();
            return reject(new TypeError('fetch failed', { cause: new Error(`redirect (${status}) refused`) }));
          }
          try {
            resolve(responseOf(incoming));
          } catch (error) {
            incoming.destroy();
            reject(new TypeError('fetch failed', { cause: error }));
          }
        },
      );
      const timer = timeoutMs === null ? null : setTimeout(() => fail(new TimeoutError(request)), timeoutMs);
      const aborted = () => fail(request.signal.reason as Error);
      const done = () => {
        if (timer) clearTimeout(timer);
        request.signal.removeEventListener('abort', aborted);
      };
      const fail = (error: Error) => {
        done();
        reject(error);
        outgoing.destroy();
      };
      if (request.signal.aborted) return fail(request.signal.reason as Error);
      request.signal.addEventListener('abort', aborted, { once: true });
      outgoing.on('error', (cause) => fail(new TypeError('fetch failed', { cause })));
      outgoing.end(body ?? undefined);
    });
  };

  return (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    return paced ? paced.limiter.run(() => exchange(request, paced.timeoutMs), request.signal) : exchange(request, null);
  };
}

/**
 * Up to this much of a body is taken off the socket before anyone reads it: an answer nobody reads
 * (ky drops a response it retries) then still ends and frees its keep-alive socket; a larger body
 * waits for its reader (a huge one is read, and cut off, by read-body.ts).
 */
const bodyQueue = new ByteLengthQueuingStrategy({ highWaterMark: 1024 * 1024 });

/** The answer as a `Response`, its body a stream that pauses the socket while nobody reads. */
function responseOf(incoming: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const each of value) headers.append(name, each);
    else headers.set(name, value);
  }
  const status = incoming.statusCode ?? 0;
  const empty = status === 204 || status === 205 || status === 304;
  if (empty) incoming.resume();
  const body = empty
    ? null
    : new ReadableStream<Uint8Array>({
        start(controller) {
          incoming.on('data', (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
          });
          incoming.on('end', () => controller.close());
          const broken = () => {
            if (!incoming.complete) controller.error(new TypeError('terminated'));
          };
          incoming.on('error', broken);
          incoming.on('close', broken);
        },
        pull() {
          incoming.resume();
        },
        cancel() {
          incoming.destroy();
        },
      }, bodyQueue);
  return new Response(body, { status, statusText: incoming.statusMessage ?? '', headers });
}
