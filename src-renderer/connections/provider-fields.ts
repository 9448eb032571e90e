import type { ProviderId } from '../../src-shared/domain/provider';

/** One input of the add-connection form. Secret inputs are write-only: never filled back in. */
export interface FieldSpec {
  key: string;
  secret: boolean;
  required: boolean;
  defaultValue?: string;
}

/** Alternative ways a provider accepts credentials (Vettig: an API key, or client id + secret). */
export interface SecretVariant {
  id: string;
  fields: FieldSpec[];
}

export interface ProviderForm {
  /** Where the provider's production API lives, when it is public. */
  defaultBaseUrl: string;
  settings: FieldSpec[];
  secretVariants: SecretVariant[];
}

const secret = (key: string): FieldSpec => ({ key, secret: true, required: true });

/** Only the fields each provider needs, from the contract in PROVIDERS.md. */
export const providerForms: Record<ProviderId, ProviderForm> = {
  vettig: {
    defaultBaseUrl: 'https://api.vettig.app',
    settings: [
      { key: 'organisationNumber', secret: false, required: true },
      { key: 'currency', secret: false, required: true, defaultValue: 'SEK' },
      { key: 'tokenPath', secret: false, required: false },
    ],
    secretVariants: [
      { id: 'apiKey', fields: [secret('apiKey')] },
      { id: 'clientCredentials', fields: [secret('clientId'), secret('clientSecret')] },
    ],
  },
  flowtly: {
    defaultBaseUrl: 'https://api.flowtly.eu',
    settings: [{ key: 'currency', secret: false, required: true, defaultValue: 'EUR' }],
    secretVariants: [{ id: 'apiToken', fields: [secret('apiToken')] }],
  },
  confirma: {
    defaultBaseUrl: 'https://integrations.confirmafinance.com',
    settings: [],
    secretVariants: [{ id: 'apiKey', fields: [secret('apiKey')] }],
  },
  aptic: {
    defaultBaseUrl: '',
    settings: [{ key: 'tokenPath', secret: false, required: true, defaultValue: '/login/oauth/access_token' }],
    secretVariants: [{ id: 'clientCredentials', fields: [secret('clientId'), secret('clientSecret')] }],
  },
};
