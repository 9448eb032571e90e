/**
 * Confirma Finance sandbox: `X-Api-Key` on every call. /validate answers {isValid, message} for
 * the current key (expired or not) and 401 for any other; /renew answers {"Message": <new key>}
 * and retires the old key. Errors are `{ "message": ... }` (Confirma publishes none).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxDataset } from '../data/dataset';
import { json } from '../http/reply';
import type { ProviderDefinition } from '../http/sandbox-server';
import type { Route } from '../http/router';
import { simpleJsonError } from '../http/simple-json-error';
import { createConfirmaApiKey } from './confirma-api-key';
import { CONFIRMA_PREFIX, confirmaRoutes } from './confirma-routes';
import { createConfirmaState } from './confirma-state';

export interface ConfirmaSandbox {
  definition: ProviderDefinition;
  credentials: { apiKey: string };
  settings: Record<string, never>;
}

function apiKeyOf(headers: IncomingHttpHeaders): string | null {
  const value = headers['x-api-key'];
  const key = Array.isArray(value) ? value[0] : value;
  return key && key.trim() !== '' ? key.trim() : null;
}

export function createConfirmaSandbox(dataset: SandboxDataset, keyLifetimeSeconds: number | null): ConfirmaSandbox {
  const apiKey = createConfirmaApiKey(dataset.seed, keyLifetimeSeconds);
  const state = createConfirmaState(dataset);
  const keyRoutes: Route[] = [
    {
      method: 'GET',
      pattern: `${CONFIRMA_PREFIX}/validate`,
      public: true,
      handle(context) {
        const key = apiKeyOf(context.headers);
        const status = key ? apiKey.check(key) : 'unknown';
        if (status === 'unknown') return simpleJsonError(401, 'Unauthorized');
        return json(200, status === 'valid' ? { isValid: true, message: 'Token is valid' } : { isValid: false, message: 'Token has expired; renew it' });
      },
    },
    {
      method: 'GET',
      pattern: `${CONFIRMA_PREFIX}/renew`,
      public: true,
      handle(context) {
        const renewed = apiKey.renew(apiKeyOf(context.headers) ?? '');
        return renewed ? json(200, { Message: renewed }) : simpleJsonError(401, 'Unauthorized');
      },
    },
  ];
  return {
    credentials: { apiKey: apiKey.current() },
    settings: {},
    definition: {
      routes: [...keyRoutes, ...confirmaRoutes(dataset, state)],
      authenticate(headers) {
        const key = apiKeyOf(headers);
        const status = key ? apiKey.check(key) : 'unknown';
        if (key && status === 'valid') return { ok: true, credential: key };
        return { ok: false, reply: simpleJsonError(401, status === 'expired' ? 'Unauthorized: API key expired' : 'Unauthorized') };
      },
      expireCredential(key) {
        apiKey.expire(key);
        return simpleJsonError(401, 'Unauthorized: API key expired');
      },
      error: (status, title, detail) => simpleJsonError(status, `${title}: ${detail}`),
    },
  };
}
