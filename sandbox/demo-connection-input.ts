import type { NewConnection } from '../src-shared/domain/connection';
import { providerNames } from '../src-shared/domain/provider';
import { providerDefaults } from '../src-shared/domain/provider-defaults';
import type { RunningSandbox } from './start-sandbox';

function demoLabel(sandbox: Pick<RunningSandbox, 'provider'>): string {
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
        settings: { organisationNumber: need(s.organisationNumber, 'organisationNumber'), currency: providerDefaults.vettig.currency, ...(s.tokenPath ? { tokenPath: s.tokenPath } : {}) },
        secret: { apiKey: need(c.apiKey, 'apiKey') },
      };
    case 'flowtly':
      return { provider, label, baseUrl, settings: { currency: providerDefaults.flowtly.currency }, secret: { apiToken: need(c.apiToken, 'apiToken') } };
    case 'confirma':
      return { provider, label, baseUrl, settings: {}, secret: { apiKey: need(c.apiKey, 'apiKey') } };
    case 'aptic':
      return {
        provider,
        label,
        baseUrl,
        settings: { tokenPath: s.tokenPath ?? providerDefaults.aptic.tokenPath },
        secret: { clientId: need(c.clientId, 'clientId'), clientSecret: need(c.clientSecret, 'clientSecret') },
      };
  }
}
