import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { providerNames, type ProviderId } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { RecordProblem } from '../../src-shared/domain/record-problem';
import type { Redact } from './secret-redaction';

export type { Redact };

/** A page the provider sent that did not match its schema (or was not JSON at all). */
export class InvalidPageError extends Error {
  /** The same as a code, where it is about one record's field: what a quarantined record keeps. */
  readonly problem: RecordProblem | undefined;
  constructor(message: string, problem?: RecordProblem) {
    super(message);
    this.name = 'InvalidPageError';
    this.problem = problem;
  }
}

/** Every text of a problem through the redactor: a value the provider sent may hold a secret. */
export function redactProblem<P extends RecordProblem>(problem: P, redact: Redact): P {
  const redacted = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return key === 'code' ? value : redact(value);
    return key === 'problem' ? redactProblem(value as RecordProblem, redact) : value;
  };
  return Object.fromEntries(Object.entries(problem).map(([key, value]) => [key, redacted(value, key)])) as P;
}

/** The response started but its body stopped arriving within the timeout. */
export class BodyTimeoutError extends Error {
  constructor() {
    super('the response body stopped arriving');
    this.name = 'BodyTimeoutError';
  }
}

/** The response body passed `HttpOptions.maxResponseBytes`; reading it stopped there. */
export class ResponseTooLargeError extends Error {
  readonly limitMb: number;
  constructor(limitBytes: number) {
    const limitMb = Math.round((limitBytes / (1024 * 1024)) * 100) / 100;
    super(`the response is larger than ${limitMb} MB`);
    this.name = 'ResponseTooLargeError';
    this.limitMb = limitMb;
  }
}

/**
 * Turns whatever a provider call threw into the one error the user sees, with its own code per
 * kind of failure (unreachable, credentials refused, unreadable answer, any other refusal) and
 * the provider's own words where it gave any (problem details title/detail, a message field) in
 * `details.said` — never a secret, a token or a header. `message` says the same in English for
 * logs and tests; the window builds its sentence from the code and the details.
 */
export function toRpcError(provider: ProviderId, error: unknown, redact: Redact): RpcError {
  const name = providerNames[provider];
  if (error instanceof RpcError) return error;
  if (error instanceof InvalidPageError) {
    const said = redact(error.message);
    const problem = error.problem ? { problem: redactProblem(error.problem, redact) } : {};
    return new RpcError('provider_unreadable', `${name} sent data Reskontra cannot read: ${said}`, { provider, said, ...problem });
  }
  if (error instanceof ResponseTooLargeError) {
    const { limitMb } = error;
    return new RpcError(
      'provider_too_large',
      `${name} sent a response larger than ${limitMb} MB; Reskontra stopped reading it and stored nothing from it.`,
      { provider, limitMb },
    );
  }
  if (isHTTPError(error)) {
    const { status, statusText } = error.response;
    const answered = `${status}${statusText ? ` ${statusText}` : ''}`;
    const reason = providerMessage(error.data);
    const said = redact(reason ? `${answered}: ${reason}` : answered);
    const because = reason ? `: ${reason}` : '';
    if (status === 401 || status === 403) {
      return new RpcError('credentials_refused', redact(`${name} rejected the credentials (${answered})${because}.`), { provider, said });
    }
    return new RpcError('provider_error', redact(`${name} answered ${answered}${because}.`), { provider, said });
  }
  if (isTimeoutError(error) || error instanceof BodyTimeoutError) {
    return new RpcError('provider_unreachable', `${name} did not answer in time; try again later.`, { provider });
  }
  if (isNetworkError(error) || isBodyReadFailure(error)) {
    return new RpcError('provider_unreachable', `Could not reach ${name}; check the network and the base URL.`, { provider });
  }
  return new RpcError('provider_error', `${name}: the request failed unexpectedly.`, { provider });
}

/** A connection that broke while the body was being read (undici says `terminated`). */
export function isBodyReadFailure(error: unknown): boolean {
  return error instanceof TypeError && /terminated|fetch failed|aborted|socket/i.test(error.message);
}

/** The provider's own reason from an error body ky already read into `error.data`. */
function providerMessage(data: unknown): string | null {
  if (typeof data === 'string') {
    const plain = data.trim();
    if (plain.startsWith('{')) {
      try {
        return providerMessage(JSON.parse(plain));
      } catch {
        return null;
      }
    }
    return plain !== '' && plain.length <= 200 && !plain.startsWith('<') ? plain : null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const fields = data as Record<string, unknown>;
  const parts = [
    fields['title'],
    fields['detail'],
    fields['hydra:title'],
    fields['hydra:description'],
    fields['message'],
    fields['Message'],
    fields['error_description'] ?? fields['error'],
  ].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  const unique = [...new Set(parts.map((part) => part.trim()))];
  return unique.length > 0 ? clip(unique.join(' — ')) : null;
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
