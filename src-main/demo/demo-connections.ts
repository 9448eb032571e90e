import type { Connection, NewConnection } from '../../src-shared/domain/connection';
import { providerNames } from '../../src-shared/domain/provider';
import type { RunningSandbox } from '../sandbox/start-sandbox';
import type { Handler } from '../rpc/handler-table';

export interface ConnectionHandlers {
  list: Handler<'connections.list'>;
  add: Handler<'connections.add'>;
  update: Handler<'connections.update'>;
}

export function demoLabel(sandbox: Pick<RunningSandbox, 'provider'>): string {
  return `${providerNames[sandbox.provider]} (demo)`;
}

/** What `connections.add` needs for one sandbox: its address, settings and credentials. */
export function demoConnectionInput(sandbox: RunningSandbox): NewConnection {
  const { provider, baseUrl, credentials: c, settings: s } = sandbox;
  const label = demoLabel(sandbox);
  const need = (value: string | undefined, name: string): string => {
    if (!value) throw new Error(`The ${provider} sandbox gave no ${name}.`);
    return value;
  };
  switch (provider) {
    case 'vettig':
      return {
        provider,
        label,
        baseUrl,
        settings: { organisationNumber: need(s.organisationNumber, 'organisationNumber'), currency: 'SEK', ...(s.tokenPath ? { tokenPath: s.tokenPath } : {}) },
        secret: { apiKey: need(c.apiKey, 'apiKey') },
      };
    case 'flowtly':
      return { provider, label, baseUrl, settings: { currency: 'EUR' }, secret: { apiToken: need(c.apiToken, 'apiToken') } };
    case 'confirma':
      return { provider, label, baseUrl, settings: {}, secret: { apiKey: need(c.apiKey, 'apiKey') } };
    case 'aptic':
      return {
        provider,
        label,
        baseUrl,
        settings: { tokenPath: s.tokenPath ?? '/login/oauth/access_token' },
        secret: { clientId: need(c.clientId, 'clientId'), clientSecret: need(c.clientSecret, 'clientSecret') },
      };
  }
}

/**
 * Makes sure there is one demo connection per running sandbox, pointing at its current address
 * with its current credentials (the sandboxes may have moved port, and a throwaway keyring may
 * have forgotten the secrets since the last demo). Goes through the same handlers as the UI, so
 * secrets take the keychain path like real ones.
 */
export async function ensureDemoConnections(sandboxes: readonly RunningSandbox[], handlers: ConnectionHandlers): Promise<Connection[]> {
  const { connections } = await handlers.list({});
  const result: Connection[] = [];
  for (const sandbox of sandboxes) {
    const input = demoConnectionInput(sandbox);
    const existing = connections.find((item) => item.provider === sandbox.provider && item.label === input.label);
    if (existing) {
      result.push(await handlers.update({ id: existing.id, baseUrl: input.baseUrl, settings: { ...input.settings }, secret: { ...input.secret } }));
    } else {
      result.push(await handlers.add(input));
    }
  }
  return result;
}
