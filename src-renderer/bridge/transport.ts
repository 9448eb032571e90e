import { bytesContentType, bytesInputHeader, splitBytes } from '../../src-shared/rpc/bytes-body';
import { isRpcErrorBody, type RpcResult } from '../../src-shared/rpc/rpc-error';

/** How a call reaches main: Electron's preload bridge or browser mode's loopback HTTP. */
export type Transport = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

export interface PreloadBridge {
  call(method: string, input: unknown): Promise<unknown>;
}

export function preloadTransport(bridge: PreloadBridge): Transport {
  return async (method, input) => {
    try {
      return toResult(await bridge.call(method, input));
    } catch {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${method}".` } };
    }
  };
}

/** `token` is read on every call: a tab can be handed a fresh one (see launch-token.ts). */
export function httpTransport(token: () => string | null, fetchImpl: typeof fetch = fetch): Transport {
  return async (method, input) => {
    let response: Response;
    // Bytes go as the body itself (see bytes-body.ts): neither JSON nor base64 for a file's bytes.
    // Wrapped in a Blob: Chromium uploads a Blob body 7-13x faster than the same bytes as a typed
    // array (130 MB in 4 MB posts to the host: 3 s against 20-39 s, load ~11-18).
    const withBytes = splitBytes(input);
    try {
      response = await fetchImpl(`/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: withBytes
          ? { 'content-type': bytesContentType, [bytesInputHeader]: JSON.stringify(withBytes.rest), 'x-reskontra-token': token() ?? '' }
          : { 'content-type': 'application/json', 'x-reskontra-token': token() ?? '' },
        body: withBytes ? new Blob([withBytes.bytes]) : JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'offline', message: 'Reskontra’s background process is not answering.' } };
    }
    try {
      return toResult(await response.json());
    } catch {
      return { ok: false, error: { code: 'internal', message: `Unexpected answer (HTTP ${response.status}).` } };
    }
  };
}

function toResult(value: unknown): RpcResult<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const candidate = value as { ok: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true) return { ok: true, value: candidate.value };
    if (candidate.ok === false && isRpcErrorBody(candidate.error)) return { ok: false, error: candidate.error };
  }
  return { ok: false, error: { code: 'internal', message: 'Unexpected answer from Reskontra’s background process.' } };
}
