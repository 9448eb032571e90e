/** Access tokens handed out by a sandbox's token endpoint, each with an expiry the tests can shorten. */
import { randomBytes } from 'node:crypto';

export type TokenState = 'valid' | 'expired' | 'unknown';

export interface TokenIssuer {
  issue(): { accessToken: string; expiresIn: number };
  check(token: string): TokenState;
  /** Ends a token's life now (the expireToken fault); it then answers 'expired'. */
  expire(token: string): void;
}

/** Old tokens are forgotten beyond this many, so a long demo cannot grow the map without bound. */
const MAX_REMEMBERED = 10_000;

export function createTokenIssuer(lifetimeSeconds: number, now: () => number = Date.now): TokenIssuer {
  const expiries = new Map<string, number>();
  return {
    issue() {
      const accessToken = randomBytes(24).toString('base64url');
      expiries.set(accessToken, now() + lifetimeSeconds * 1000);
      if (expiries.size > MAX_REMEMBERED) {
        const oldest = expiries.keys().next().value;
        if (oldest !== undefined) expiries.delete(oldest);
      }
      return { accessToken, expiresIn: lifetimeSeconds };
    },
    check(token) {
      const expiry = expiries.get(token);
      if (expiry === undefined) return 'unknown';
      return now() < expiry ? 'valid' : 'expired';
    },
    expire(token) {
      if (expiries.has(token)) expiries.set(token, 0);
    },
  };
}
