import type { HttpOptions } from '../providers/http-options';

/** Each variable, the option it sets, and the unit it is given in. */
const knobs: Record<string, [keyof HttpOptions, number]> = {
  RESKONTRA_HTTP_TIMEOUT_MS: ['timeoutMs', 1],
  RESKONTRA_HTTP_RETRY_LIMIT: ['retryLimit', 1],
  RESKONTRA_HTTP_RETRY_BASE_MS: ['retryBaseDelayMs', 1],
  RESKONTRA_HTTP_MAX_RETRY_AFTER_MS: ['maxRetryAfterMs', 1],
  RESKONTRA_HTTP_MAX_RESPONSE_MB: ['maxResponseBytes', 1024 * 1024],
};

/**
 * Provider-call timing from the environment, for a slow network (or a test that wants faults to
 * resolve quickly). Unset means the defaults; a value that is not a whole number is an error.
 */
export function httpOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<HttpOptions> {
  const options: Partial<HttpOptions> = {};
  for (const [name, [field, unit]] of Object.entries(knobs)) {
    const text = env[name]?.trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${text}".`);
    options[field] = value * unit;
  }
  return options;
}
