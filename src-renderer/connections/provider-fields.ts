import type { ProviderId } from '../../src-shared/domain/provider';
import { providerDefaults } from '../../src-shared/domain/provider-defaults';

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

/** Only the fields each provider needs (src-main/providers/README.md says why each one exists). */
export const providerForms: Readonly<Record<ProviderId, ProviderForm>> = {
  vettig: {
    defaultBaseUrl: providerDefaults.vettig.baseUrl,
    settings: [
      { key: 'organisationNumber', secret: false, required: true },
      { key: 'currency', secret: false, required: true, defaultValue: providerDefaults.vettig.currency },
      { key: 'tokenPath', secret: false, required: false },
    ],
    secretVariants: [
      { id: 'apiKey', fields: [secret('apiKey')] },
      { id: 'clientCredentials', fields: [secret('clientId'), secret('clientSecret')] },
    ],
  },
  flowtly: {
    defaultBaseUrl: providerDefaults.flowtly.baseUrl,
    settings: [{ key: 'currency', secret: false, required: true, defaultValue: providerDefaults.flowtly.currency }],
    secretVariants: [{ id: 'apiToken', fields: [secret('apiToken')] }],
  },
  confirma: {
    defaultBaseUrl: providerDefaults.confirma.baseUrl,
    settings: [],
    secretVariants: [{ id: 'apiKey', fields: [secret('apiKey')] }],
  },
  aptic: {
    defaultBaseUrl: providerDefaults.aptic.baseUrl,
    settings: [{ key: 'tokenPath', secret: false, required: true, defaultValue: providerDefaults.aptic.tokenPath }],
    secretVariants: [{ id: 'clientCredentials', fields: [secret('clientId'), secret('clientSecret')] }],
  },
};
