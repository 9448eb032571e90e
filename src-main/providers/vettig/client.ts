import type { Connection } from '../../../src-shared/domain/connection';
import { RpcError } from '../../../src-shared/rpc/rpc-error';
import { clientCredentialsAuth, staticBearerAuth } from '../client-credentials-auth';
import type { HttpOptions } from '../http-options';
import type { ProviderClient, SecretAccess } from '../provider-client';
import { createSecretRedaction } from '../secret-redaction';
import { createProviderHttp, validatePage, type Auth } from '../provider-http';
import { unknownStream } from '../sync-cursor';
import { normalizeVettigEvents } from './normalize';
import { vettigEventsSchema } from './schema';
import { vettigWrites } from './writes';

type VettigConnection = Extract<Connection, { provider: 'vettig' }>;
type VettigSecret = { apiKey: string } | { clientId: string; clientSecret: string };

/**
 * Vettig API v2. Auth: a static API key as the bearer token, or client id + secret exchanged
 * at the connection's token path. Stream `events`: the whole ledger in one call (the API has
 * no paging), de-duplicated by event id.
 */
export function createVettigClient(connection: VettigConnection, secrets: SecretAccess, options: HttpOptions): ProviderClient {
  const redaction = createSecretRedaction();
  const { redact } = redaction;
  const secret = async (): Promise<VettigSecret> => {
    const value = (await secrets.read()) as VettigSecret;
    redaction.remember(...Object.values(value));
    return value;
  };
  const auth: Auth = {
    apply: async (headers) => (await chooseAuth()).apply(headers),
    recover: async (rejected, rejections) => (await chooseAuth()).recover(rejected, rejections),
  };
  let chosen: Promise<Auth> | null = null;
  const chooseAuth = (): Promise<Auth> => {
    chosen ??= secret().then((value): Auth => {
      if ('apiKey' in value) return staticBearerAuth(async () => value.apiKey);
      const tokenPath = connection.settings.tokenPath;
      if (!tokenPath) {
        throw new RpcError('invalid_input', 'Vettig client id + secret need the token path in the connection settings.');
      }
      return clientCredentialsAuth({
        provider: 'vettig',
        baseUrl: connection.baseUrl,
        tokenPath,
        credentials: async () => value,
        options,
        redact,
        onToken: (token) => redaction.remember(token),
      });
    });
    void chosen.catch(() => {
      chosen = null;
    });
    return chosen;
  };
  const http = createProviderHttp({ provider: 'vettig', baseUrl: connection.baseUrl, options, auth, redact });
  const eventsPath = `v2/factoring/events/${encodeURIComponent(connection.settings.organisationNumber)}`;

  const fetchEvents = () =>
    http.getJson(eventsPath, (body) =>
      normalizeVettigEvents(connection.id, connection.settings.currency, validatePage(vettigEventsSchema, body, 'events'), redact),
    );

  return {
    provider: 'vettig',
    writes: vettigWrites(http, { organisationNumber: connection.settings.organisationNumber, currency: connection.settings.currency, events: fetchEvents }),
    async test() {
      await fetchEvents();
      return { ok: true };
    },
    async page(stream) {
      if (stream !== 'events') throw unknownStream('Vettig', stream);
      const { records, quarantined } = await fetchEvents();
      const served = records.length + quarantined.length;
      return { records, quarantined, nextCursor: null, progress: { done: served, total: served } };
    },
  };
}
