import { z } from 'zod';
import { providerIds } from '../domain/provider';
import { recordProblemSchema } from '../domain/record-problem';

/**
 * Error codes any RPC call may answer with; the renderer picks its message by code, so it
 * never parses main's English. The four ways a provider call can fail each have their own:
 * `provider_unreachable` (no answer), `credentials_refused` / `credentials_missing` (fix them
 * in the connection's form), `provider_unreadable` (an answer Reskontra cannot read),
 * `provider_too_large` (an answer past the size limit, cut off while it streamed in), and
 * `provider_error` (any other refusal). `offline` is the app itself: no network in the
 * window, or main not answering. `secret_required`: a change that would send the stored
 * secret somewhere new, without the secret. `disk_full`: a file could not be saved for lack
 * of space (nothing changed). `newer_file`: connections.json was written by a newer Reskontra,
 * which this one will not write over. `provider_refused`: a provider understood a write and said
 * no (its reason in `details.said`); nothing changed. `outcome_unknown`: a write was sent and its
 * answer lost (a timeout, a dropped connection, a 5xx): it may or may not have taken effect, so
 * it is never sent again without a fresh read.
 */
export type RpcErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'unknown_method'
  | 'invalid_input'
  | 'payload_too_large'
  | 'not_found'
  | 'conflict'
  | 'disk_full'
  | 'newer_file'
  | 'keychain_unavailable'
  | 'provider_error'
  | 'provider_refused'
  | 'outcome_unknown'
  | 'provider_unreachable'
  | 'provider_unreadable'
  | 'provider_too_large'
  | 'credentials_refused'
  | 'credentials_missing'
  | 'secret_required'
  | 'offline'
  | 'internal';

/**
 * What the renderer needs to put a provider error into a translated sentence: which provider,
 * the provider's own words (already redacted: never a secret or a token), and for a response
 * too large, the limit.
 */
export const rpcErrorDetailsSchema = z
  .object({
    provider: z.enum(providerIds).optional(),
    said: z.string().max(600).optional(),
    /** `provider_unreadable` about one field: the same as `said`, as a code the window translates. */
    problem: recordProblemSchema.optional(),
    /** `provider_too_large`: the limit the response passed, in MB. */
    limitMb: z.number().positive().optional(),
  })
  .strip();
export type RpcErrorDetails = z.output<typeof rpcErrorDetailsSchema>;

export interface RpcErrorBody {
  code: RpcErrorCode;
  message: string;
  details?: RpcErrorDetails;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcErrorBody };

/** An error meant for the user: its message and details must never contain a secret or a token. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly details: RpcErrorDetails | undefined;
  constructor(code: RpcErrorCode, message: string, details?: RpcErrorDetails) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.details = details;
  }

  static fromBody(body: RpcErrorBody): RpcError {
    return new RpcError(body.code, body.message, body.details);
  }

  toBody(): RpcErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, details } = value as { code?: unknown; message?: unknown; details?: unknown };
  return typeof code === 'string' && typeof message === 'string' && (details === undefined || rpcErrorDetailsSchema.safeParse(details).success);
}
