import { z } from 'zod';
import type { ProviderId } from '../../src-shared/domain/provider';
import type { HttpOptions } from './http-options';
import { readBody } from './read-body';
import { createProviderKy, validatePage, type Auth } from './provider-http';
import { InvalidPageError, toRpcError } from './provider-failure';
import type { Redact } from './secret-redaction';

const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

/** Refresh this long before the provider says the token expires (less for short-lived tokens). */
const expiryMarginMs = (lifetimeMs: number) => Math.min(30_000, lifetimeMs / 5);

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * OAuth 2 client credentials: POST `grant_type=client_credentials&client_id&client_secret` as a
 * form to the connection's token path, cache the bearer token in memory until shortly before
 * it expires, and fetch a new one once when the provider answers 401.
 */
export function clientCredentialsAuth(config: {
  provider: ProviderId;
  baseUrl: string;
  tokenPath: string;
  credentials: () => Promise<ClientCredentials>;
  options: HttpOptions;
  redact: Redact;
  /** Lets the error redactor know the token, so a provider echo never shows it. */
  onToken: (token: string) => void;
}): Auth {
  const tokenApi = createProviderKy(config.baseUrl, config.options, { methods: ['post'] });
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  const fetchToken = async (): Promise<string> => {
    const { clientId, clientSecret } = await config.credentials();
    try {
      const response = await tokenApi.post(config.tokenPath.replace(/^\//, ''), {
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
        headers: { accept: 'application/json' },
      });
      const body = await readBody(response, config.options);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new InvalidPageError('the token response is not valid JSON', { code: 'json' });
      }
      const token = validatePage(tokenSchema, json, 'token response');
      const lifetimeMs = (token.expires_in ?? 3600) * 1000;
      cached = { token: token.access_token, expiresAt: Date.now() + lifetimeMs - expiryMarginMs(lifetimeMs) };
      config.onToken(token.access_token);
      return token.access_token;
    } catch (error) {
      throw toRpcError(config.provider, error, config.redact);
    }
  };

  const current = (): Promise<string> => {
    if (cached && cached.expiresAt > Date.now()) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  };

  return {
    async apply(headers) {
      headers.set('authorization', `Bearer ${await current()}`);
    },
    async recover(rejected) {
      // Another request may have fetched a fresh token meanwhile: then just use that one.
      if (cached && rejected.get('authorization') === `Bearer ${cached.token}`) cached = null;
      await current();
      return true;
    },
  };
}

/**
 * A static key or token sent as `Authorization: Bearer`. There is nothing to refresh, so a
 * call rejected with 401 is tried once more with the same key (a provider may reject a
 * request spuriously); a key that is really wrong fails twice and is reported.
 */
export function staticBearerAuth(token: () => Promise<string>): Auth {
  return {
    async apply(headers) {
      headers.set('authorization', `Bearer ${await token()}`);
    },
    recover: async (_rejected, rejections) => rejections === 1,
  };
}
