/** Error codes any RPC call may answer with; the renderer picks its message by code. */
export type RpcErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'unknown_method'
  | 'invalid_input'
  | 'payload_too_large'
  | 'not_found'
  | 'conflict'
  | 'keychain_unavailable'
  | 'provider_error'
  | 'offline'
  | 'internal';

export interface RpcErrorBody {
  code: RpcErrorCode;
  message: string;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcErrorBody };

/** An error meant for the user: its message must never contain a secret or a token. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  constructor(code: RpcErrorCode, message: string) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
  }
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
