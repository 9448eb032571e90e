/**
 * How provider calls behave on a bad network. One place, so tests can make the backoff fast
 * without changing what is retried.
 */
export interface HttpOptions {
  /** Per-attempt timeout for getting a response and for reading its body. */
  timeoutMs: number;
  /** Retries after the first attempt, for idempotent calls. */
  retryLimit: number;
  /** First backoff delay; doubles per attempt, with full jitter, up to `backoffLimitMs`. */
  retryBaseDelayMs: number;
  backoffLimitMs: number;
  /** Cap on a provider's `Retry-After`, which is otherwise honoured as given. */
  maxRetryAfterMs: number;
  /**
   * The largest response body read, counted while it streams in: past it, reading stops and the
   * page fails (a provider's real page is a few hundred KB; 50 MB leaves room and keeps main small).
   */
  maxResponseBytes: number;
}

export const defaultHttpOptions: HttpOptions = {
  timeoutMs: 30_000,
  retryLimit: 4,
  retryBaseDelayMs: 300,
  backoffLimitMs: 10_000,
  maxRetryAfterMs: 60_000,
  maxResponseBytes: 50 * 1024 * 1024,
};

/** Exponential backoff: base · 2^(attempt-1), clamped (ky applies the jitter). */
export function backoffDelay(options: HttpOptions, attempt: number): number {
  return Math.min(options.backoffLimitMs, options.retryBaseDelayMs * 2 ** (attempt - 1));
}

export function jitteredBackoff(options: HttpOptions, attempt: number): number {
  return Math.random() * backoffDelay(options, attempt);
}
