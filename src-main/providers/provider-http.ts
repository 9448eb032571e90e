import ky, { isHTTPError, isTimeoutError, type KyInstance } from 'ky';
import type { z } from 'zod';
import type { ProviderId } from '../../src-shared/domain/provider';
import { isExpectedType, type RecordProblem } from '../../src-shared/domain/record-problem';
import { AmountError } from '../../src-shared/money/parse-amount';
import { backoffDelay, jitteredBackoff, type HttpOptions } from './http-options';
import type { DetailLimiter } from './detail-limiter';
import { createKeepAliveFetch } from './keep-alive-fetch';
import { readBody } from './read-body';
import { BodyTimeoutError, InvalidPageError, isBodyReadFailure, toRpcError } from './provider-failure';
import type { Redact } from './secret-redaction';
import { toWriteError } from './write-failure';

/** How a connection authenticates: headers per request, and a recovery after each 401. */
export interface Auth {
  apply(headers: Headers): Promise<void>;
  /**
   * Called after a 401 with the headers the rejected request carried and how many times this
   * call has been rejected: refresh the token or renew the key (unless that already happened
   * since) and answer true to try again, or false to give up. Bounded by the retry limit.
   */
  recover(rejected: Headers, rejections: number): Promise<boolean>;
}

export interface ProviderHttp {
  /**
   * GETs `path` (relative to the connection's base URL), parses the body as JSON and hands it
   * to `read`, which validates and normalises it. Statuses 408/413/429/5xx, network errors
   * and timeouts are retried by ky with exponential backoff and jitter (Retry-After wins);
   * a body that breaks off, stalls or fails `read` is fetched again the same way; each 401
   * gets one `auth.recover()` (a token refresh or key renewal) and one more try. Whatever
   * still fails becomes one RpcError naming the provider. `read` also gets the body's text (a
   * list hash reads entries from it, see list-entry-texts.ts).
   */
  getJson<T>(
    path: string,
    read: (body: unknown, headers: Headers, text: string) => T,
    searchParams?: Record<string, string | number>,
  ): Promise<T>;
  /** As `getJson`, but `read` gets the body's text unparsed (a page only hashed need not be parsed). */
  getText<T>(path: string, read: (text: string, headers: Headers) => T, searchParams?: Record<string, string | number>): Promise<T>;
  /**
   * Sends a write (POST/PUT/PATCH with a JSON body) exactly once: never retried on a timeout,
   * a dropped connection or a 5xx, since none of the providers can tell a repeat from a second
   * order. The one exception is a 401 (the request was turned away unread): one `auth.recover()`
   * and one more try. Failures become `toWriteError`'s codes; `read` gets the body (null if empty).
   */
  send<T>(method: WriteMethod, path: string, body: unknown, read: (body: unknown) => T, contentType?: string): Promise<T>;
}

export type WriteMethod = 'post' | 'put' | 'patch';

export interface ProviderHttpConfig {
  provider: ProviderId;
  baseUrl: string;
  options: HttpOptions;
  auth: Auth;
  redact: Redact;
  accept?: string;
  /** Paces this instance's requests (per-invoice details: see detail-limiter.ts); reads only. */
  limiter?: DetailLimiter;
}

/**
 * ky with the providers' retry rules. `keepAlive`: its requests go over node:http with keep-alive
 * sockets (`keep-alive-fetch.ts`), each paced by `limiter` when one is given: the reads, which are
 * most calls; writes and token requests are few and keep the default fetch.
 */
export function createProviderKy(
  baseUrl: string,
  options: HttpOptions,
  extra: { methods?: ('get' | 'post')[]; retryLimit?: number; keepAlive?: boolean; limiter?: DetailLimiter } = {},
): KyInstance {
  const { limiter } = extra;
  // Pacing lives in the keep-alive fetch, so a limiter always brings it: without it, a paced
  // instance would send unpaced and, its ky timeout off, never time out.
  const transport = extra.keepAlive || limiter ? { fetch: createKeepAliveFetch(baseUrl, limiter ? { limiter, timeoutMs: options.timeoutMs } : undefined) } : {};
  return ky.create({
    prefix: baseUrl,
    // Paced, the timeout starts once the limiter lets the request go: waiting for a slot is not the provider being slow.
    timeout: limiter ? false : options.timeoutMs,
    ...transport,
    retry: {
      limit: extra.retryLimit ?? options.retryLimit,
      methods: extra.methods ?? ['get'],
      statusCodes: [408, 413, 429, 500, 502, 503, 504],
      afterStatusCodes: [413, 429, 503],
      maxRetryAfter: options.maxRetryAfterMs,
      backoffLimit: options.backoffLimitMs,
      delay: (attempt) => backoffDelay(options, attempt),
      jitter: true,
      retryOnTimeout: true,
    },
    redirect: 'error',
  });
}

export function createProviderHttp(config: ProviderHttpConfig): ProviderHttp {
  const { provider, options, auth, redact } = config;
  const authenticated = {
    headers: { accept: config.accept ?? 'application/json' },
    hooks: {
      beforeRequest: [
        async ({ request }: { request: Request }) => {
          await auth.apply(request.headers);
        },
      ],
    },
  };
  const api = createProviderKy(config.baseUrl, options, { keepAlive: true, limiter: config.limiter }).extend(authenticated);
  // Writes: no retry of any kind (limit 0 and no method listed), whatever the options say.
  const writeApi = createProviderKy(config.baseUrl, options, { methods: [], retryLimit: 0 }).extend(authenticated);
  const getText: ProviderHttp['getText'] = async (path, read, searchParams) => {
    let rejections = 0;
    const bodyAttempts = options.retryLimit;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await api.get(withQuery(path.replace(/^\//, ''), searchParams));
        return read(await readBody(response, options), response.headers);
      } catch (error) {
        if (isHTTPError(error) && error.response.status === 401) {
          if (await credentialChangedSince(auth, error.request.headers)) {
            // Another call refreshed the token (or renewed the key) meanwhile: just use it.
            attempt -= 1;
            continue;
          }
          if (rejections < options.retryLimit) {
            rejections += 1;
            if (await auth.recover(error.request.headers, rejections)) {
              attempt -= 1;
              continue;
            }
          }
        }
        if (attempt <= bodyAttempts && isRetryableAfterResponse(error)) {
          await sleep(jitteredBackoff(options, attempt));
          continue;
        }
        throw toRpcError(provider, asPageError(error), redact);
      }
    }
  };
  return {
    async send(method, path, body, read, contentType = 'application/json') {
      for (let rejections = 0; ; rejections += 1) {
        try {
          const response = await writeApi(path.replace(/^\//, ''), { method, body: JSON.stringify(body), headers: { 'content-type': contentType } });
          return read(parseJson(await readBody(response, options)));
        } catch (error) {
          if (isHTTPError(error) && error.response.status === 401 && rejections === 0) {
            if ((await credentialChangedSince(auth, error.request.headers)) || (await auth.recover(error.request.headers, 1))) continue;
          }
          throw toWriteError(provider, error, redact);
        }
      }
    },
    getJson(path, read, searchParams) {
      return getText(path, (text, headers) => read(parseJson(text), headers, text), searchParams);
    },
    getText,
  };
}

/**
 * The path with its query, built here rather than by ky's `searchParams`: given those, ky builds
 * each request twice (a `Request`, then a `URL` and a second `Request` with the query), a cost
 * per call that the detail calls of a first sync pay 300,000 times. Encoded as ky would
 * (`URLSearchParams`), appended to a query the path already has.
 */
function withQuery(path: string, searchParams: Record<string, string | number> | undefined): string {
  if (!searchParams) return path;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) query.append(name, String(value));
  const text = query.toString();
  if (text === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

/** True when the credential auth would send now differs from what the rejected request sent. */
async function credentialChangedSince(auth: Auth, rejected: Headers): Promise<boolean> {
  const now = new Headers();
  await auth.apply(now);
  for (const [name, value] of now) if (rejected.get(name) !== value) return true;
  return false;
}

/** Validates with `schema`; a mismatch names the first failing field. */
export function validatePage<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const { path, message, expected } = issue ? deepest(issue) : { path: [], message: 'unexpected shape', expected: undefined };
  const field = formatPath(path);
  const problem: RecordProblem = isExpectedType(expected) ? { code: 'type', field, expected } : { code: 'field', field, said: message };
  throw new InvalidPageError(`${what}: ${field === '' ? 'the body' : `field ${field}`}: ${message}`, problem);
}

/**
 * For a value that matched none of a union's shapes, the issue of the shape it came closest
 * to (the one that failed deepest), so the message names a field rather than "the body".
 */
function deepest(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string; expected: unknown } {
  let best: { path: PropertyKey[]; message: string; expected: unknown } = { path: issue.path, message: issue.message, expected: issue.code === 'invalid_type' ? issue.expected : undefined };
  if (issue.code !== 'invalid_union') return best;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const candidate = deepest(first);
    const path = [...issue.path, ...candidate.path];
    if (path.length > best.path.length) best = { ...candidate, path };
  }
  return best;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** JSON, or an unreadable page (an empty body is null). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidPageError('the response is not valid JSON', { code: 'json' });
  }
}

function asPageError(error: unknown): unknown {
  return error instanceof AmountError ? new InvalidPageError(error.message, error.problem) : error;
}

/** Failures after a response started: garbage, a body cut off, a body that stalled. */
function isRetryableAfterResponse(error: unknown): boolean {
  return (
    error instanceof InvalidPageError ||
    error instanceof AmountError ||
    isBodyReadFailure(error) ||
    error instanceof BodyTimeoutError ||
    isTimeoutError(error)
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
