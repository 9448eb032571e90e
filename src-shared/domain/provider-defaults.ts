import type { ProviderId } from './provider';

interface ProviderDefaults {
  /** Where the provider's production API lives; empty where each customer has their own host (Aptic). */
  baseUrl: string;
  /** The currency assumed when the provider's records carry none. */
  currency?: string;
  /** Where client id + secret are exchanged for a token, when the provider's documents say. */
  tokenPath?: string;
}

/**
 * Every default a connection starts with, once: the settings schemas, the add-connection form
 * and the demo connections read them from here. Sources: src-main/providers/README.md.
 */
export const providerDefaults = {
  vettig: { baseUrl: 'https://api.vettig.app', currency: 'SEK' },
  flowtly: { baseUrl: 'https://api.flowtly.eu', currency: 'EUR' },
  confirma: { baseUrl: 'https://integrations.confirmafinance.com' },
  aptic: { baseUrl: '', tokenPath: '/login/oauth/access_token' },
} as const satisfies Record<ProviderId, ProviderDefaults>;
