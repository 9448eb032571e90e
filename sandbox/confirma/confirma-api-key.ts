/**
 * Confirma's one API key per client and environment: it may expire (tokenLifetimeSeconds), then
 * validate says isValid false and data calls get 401 until /renew swaps it for a new key. The
 * old key stops working the moment a new one is issued.
 */
import { sandboxSecret } from '../auth/sandbox-secrets';
import { randomBytes } from 'node:crypto';

export type KeyState = 'valid' | 'expired' | 'unknown';

export interface ConfirmaApiKey {
  current(): string;
  check(key: string): KeyState;
  /** A new key for the current one (expired or not), or null for any other key. */
  renew(key: string): string | null;
  expire(key: string): void;
}

export function createConfirmaApiKey(seed: number, lifetimeSeconds: number | null, now: () => number = Date.now): ConfirmaApiKey {
  let key = `cf_${sandboxSecret(seed, 'confirma-api-key', 40)}`;
  let expiresAt = lifetimeSeconds === null ? Number.POSITIVE_INFINITY : now() + lifetimeSeconds * 1000;
  return {
    current: () => key,
    check(candidate) {
      if (candidate !== key) return 'unknown';
      return now() < expiresAt ? 'valid' : 'expired';
    },
    renew(candidate) {
      if (candidate !== key) return null;
      key = `cf_${randomBytes(20).toString('hex')}`;
      expiresAt = lifetimeSeconds === null ? Number.POSITIVE_INFINITY : now() + lifetimeSeconds * 1000;
      return key;
    },
    expire(candidate) {
      if (candidate === key) expiresAt = 0;
    },
  };
}
