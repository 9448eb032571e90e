/**
 * Aptic API Gateway sandbox: client credentials at /login/oauth/access_token, then
 * `Authorization: Bearer <access_token>` on every /v1 call. Errors are problem details.
 */
import { bearerTokenOf } from '../auth/bearer-token';
import { clientCredentialsRoute } from '../auth/client-credentials-route';
import { sandboxSecret } from '../auth/sandbox-secrets';
import { createTokenIssuer } from '../auth/token-issuer';
import type { SandboxDataset } from '../data/dataset';
import type { ProviderDefinition } from '../http/sandbox-server';
import { createApticState } from './aptic-state';
import { apticReadRoutes } from './aptic-read-routes';
import { apticWriteRoutes } from './aptic-write-routes';
import { problem } from './problem-details';

export const APTIC_TOKEN_PATH = '/login/oauth/access_token';

export interface ApticSandbox {
  definition: ProviderDefinition;
  credentials: { clientId: string; clientSecret: string };
  settings: { tokenPath: string };
}

function unauthorized(detail: string, path: string, error: string): ReturnType<typeof problem> {
  const reply = problem(401, 'Unauthorized', detail, path);
  return { ...reply, headers: { ...reply.headers, 'www-authenticate': `Bearer error="${error}"` } };
}

export function createApticSandbox(dataset: SandboxDataset, tokenLifetimeSeconds: number): ApticSandbox {
  const credentials = { clientId: `aptic-${sandboxSecret(dataset.seed, 'aptic-client-id', 12)}`, clientSecret: sandboxSecret(dataset.seed, 'aptic-client-secret', 40) };
  const issuer = createTokenIssuer(tokenLifetimeSeconds);
  const state = createApticState(dataset);
  return {
    credentials,
    settings: { tokenPath: APTIC_TOKEN_PATH },
    definition: {
      routes: [clientCredentialsRoute(APTIC_TOKEN_PATH, credentials, issuer), ...apticReadRoutes(state), ...apticWriteRoutes(state)],
      authenticate(headers, path) {
        const token = bearerTokenOf(headers);
        if (!token) return { ok: false, reply: unauthorized('Missing bearer token', path, 'invalid_request') };
        const status = issuer.check(token);
        if (status === 'valid') return { ok: true, credential: token };
        return { ok: false, reply: unauthorized(status === 'expired' ? 'The access token has expired' : 'The access token is not valid', path, 'invalid_token') };
      },
      expireCredential(token, path) {
        issuer.expire(token);
        return unauthorized('The access token has expired', path, 'invalid_token');
      },
      error: (status, title, detail, path) => problem(status, title, detail, path),
    },
  };
}
