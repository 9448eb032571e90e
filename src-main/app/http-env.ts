import type { HttpOptions } from '../providers/http-options';

const knobs: Record<string, keyof HttpOptions> = {
  RESKONTRA_HTTP_TIMEOUT_MS: 'timeoutMs',
  RESKONTRA_HTTP_RETRY_LIMIT: 'retryLimit',
  RESKONTRA_HTTP_RETRY_BASE_MS: 'retryBaseDelayMs',
  RESKONTRA_HTTP_MAX_RETRY_AFTER_MS: 'maxRetryAfterMs',
};

/**
 * Provider-call timing from the environment, for a slow network (or a test that wants faults to
 * resolve quickly). Unset means the defaults; a value that is not a whole number is an error.
 */
export function httpOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<HttpOptions> {
  const options: Partial<HttpOptions> = {};
  for (const [name, field] of Object.entries(knobs)) {
    const text = env[name]?.trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${text}".`);
    options[field] = value;
  }
  return options;
}
