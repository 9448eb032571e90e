import { isHTTPError, isNetworkError } from 'ky';
import { providerNames, type ProviderId } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { toRpcError, type Redact } from './provider-failure';

/**
 * Connection failures that happen before a request leaves this machine: the provider cannot
 * have seen it, so the write may safely wait and go later. Anything else after the request
 * started (a reset, a timeout, a 5xx) may have been applied.
 */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * What a failed write means for the one who sent it: refused (the provider said no, nothing
 * changed: `provider_refused` with its reason), not sent at all (`provider_unreachable`), or
 * unknown (`outcome_unknown`: it may have taken effect, so it must be re-read, never resent).
 * 401/403 stay `credentials_refused`: the provider turned the request away unread.
 */
export function toWriteError(provider: ProviderId, error: unknown, redact: Redact): RpcError {
  const name = providerNames[provider];
  if (error instanceof RpcError) return error;
  if (isHTTPError(error)) {
    const { status } = error.response;
    if (status === 401 || status === 403) return toRpcError(provider, error, redact);
    const read = toRpcError(provider, error, redact);
    const said = read.details?.said;
    if (status >= 400 && status < 500 && status !== 408) {
      return new RpcError('provider_refused', redact(`${name} refused the change: ${said ?? status}.`), { provider, ...(said ? { said } : {}) });
    }
    return new RpcError('outcome_unknown', redact(`${name} answered ${said ?? status}; the change may or may not have been made.`), { provider, ...(said ? { said } : {}) });
  }
  if (isNetworkError(error) && notSentCodes.has(causeCode(error))) {
    return new RpcError('provider_unreachable', `Could not reach ${name}; nothing was sent.`, { provider });
  }
  return new RpcError('outcome_unknown', `${name} did not answer; the change may or may not have been made.`, { provider });
}

/** undici puts the socket's error code on the cause (sometimes one level deeper). */
function causeCode(error: unknown): string {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && typeof cause === 'object' && cause !== null; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return '';
}
