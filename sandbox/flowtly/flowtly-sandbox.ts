/**
 * Flowtly sandbox (API Platform conventions). Auth: `Authorization: Bearer <apiToken>` (Flowtly's
 * auth is unpublished; a bearer API token is the assumption src-main/providers/README.md records). A static token
 * cannot be refreshed, so the expireToken fault only fails the one request.
 */
import { bearerTokenOf } from '../auth/bearer-token';
import { sandboxSecret } from '../auth/sandbox-secrets';
import type { SandboxDataset } from '../data/dataset';
import type { ProviderDefinition } from '../http/sandbox-server';
import { flowtlyProblem } from './flowtly-problem';
import { flowtlyReadRoutes } from './flowtly-read-routes';
import { createFlowtlyState } from './flowtly-state';
import { flowtlyWriteRoutes } from './flowtly-write-routes';

export interface FlowtlySandbox {
  definition: ProviderDefinition;
  credentials: { apiToken: string };
  settings: Record<string, never>;
}

const unauthorized = (detail: string) => flowtlyProblem(401, detail, { 'www-authenticate': 'Bearer' });

export function createFlowtlySandbox(dataset: SandboxDataset): FlowtlySandbox {
  const credentials = { apiToken: `flw_${sandboxSecret(dataset.seed, 'flowtly-api-token', 40)}` };
  const state = createFlowtlyState(dataset);
  return {
    credentials,
    settings: {},
    definition: {
      routes: [...flowtlyReadRoutes(state), ...flowtlyWriteRoutes(state)],
      authenticate(headers) {
        const token = bearerTokenOf(headers);
        if (token === null) return { ok: false, reply: unauthorized('Full authentication is required to access this resource.') };
        if (token !== credentials.apiToken) return { ok: false, reply: unauthorized('Invalid API token.') };
        return { ok: true, credential: token };
      },
      expireCredential: () => unauthorized('Expired API token.'),
      error: (status, title, detail) => flowtlyProblem(status, `${title}: ${detail}`),
    },
  };
}
