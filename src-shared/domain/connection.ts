import { z } from 'zod';
import { isCurrencyCode } from '../money/currency';
import { providerIds, type ProviderId } from './provider';
import { providerDefaults } from './provider-defaults';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A provider base URL: `https://` anywhere, plain `http://` only on this machine (the
 * sandboxes). No credentials, query or fragment; the trailing slash is dropped.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .transform((text, context) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'Base URL is not a valid URL.' });
      return z.NEVER;
    }
    const loopback = loopbackHosts.has(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      context.addIssue({
        code: 'custom',
        message: 'Base URL must start with https:// (plain http:// is only allowed for 127.0.0.1 and localhost).',
      });
      return z.NEVER;
    }
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
      context.addIssue({ code: 'custom', message: 'Base URL must not contain credentials, a query or a fragment.' });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

const label = z.string().trim().min(1, 'Give the connection a name.').max(120);
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'Currency must be an ISO 4217 code such as SEK or EUR.');
const path = z
  .string()
  .trim()
  .regex(/^\/[A-Za-z0-9._~\-/]*$/, 'A path must start with / and contain only URL path characters.')
  .max(300);
const secretPart = z.string().trim().min(1, 'This field is required.').max(4096);

/** Non-secret settings per provider (what the connections file holds). */
export const providerSettingsSchemas = {
  vettig: z
    .object({
      organisationNumber: z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z-]{4,20}$/, 'Organisation number looks wrong (digits, e.g. 5561234567).'),
      /** Unknown in the public docs: where client id + secret are exchanged for a token. */
      tokenPath: path.optional(),
      /** The events carry no currency; Vettig factors in SEK unless told otherwise. */
      currency: currency.default(providerDefaults.vettig.currency),
    })
    .strict(),
  flowtly: z.object({ currency: currency.default(providerDefaults.flowtly.currency) }).strict(),
  confirma: z.object({}).strict(),
  aptic: z.object({ tokenPath: path.default(providerDefaults.aptic.tokenPath) }).strict(),
} as const satisfies Record<ProviderId, z.ZodType>;

/** What goes into the keychain per provider: never into a file, the renderer or a log. */
export const providerSecretSchemas = {
  vettig: z.union([
    z.object({ apiKey: secretPart }).strict(),
    z.object({ clientId: secretPart, clientSecret: secretPart }).strict(),
  ]),
  flowtly: z.object({ apiToken: secretPart }).strict(),
  confirma: z.object({ apiKey: secretPart }).strict(),
  aptic: z.object({ clientId: secretPart, clientSecret: secretPart }).strict(),
} as const satisfies Record<ProviderId, z.ZodType>;

export type ProviderSettings<P extends ProviderId> = z.output<(typeof providerSettingsSchemas)[P]>;
export type ProviderSecret<P extends ProviderId> = z.output<(typeof providerSecretSchemas)[P]>;

interface ConnectionOf<P extends ProviderId> {
  id: string;
  provider: P;
  label: string;
  baseUrl: string;
  settings: ProviderSettings<P>;
  createdAt: string;
  updatedAt: string;
}

/** A configured provider account. Its secret lives in the OS keychain under `id`. */
export type Connection = { [P in ProviderId]: ConnectionOf<P> }[ProviderId];

/**
 * Where a connection's secret is sent: the base URL and, for OAuth client credentials, the
 * token path. The secret is bound to this in the keychain, and changing it needs the secret
 * entered again (enforced in main), so a stored secret never reaches a host it was not
 * entered for.
 */
export function secretDestination(connection: { baseUrl: string; settings: object }): string {
  const tokenPath = (connection.settings as { tokenPath?: unknown }).tokenPath;
  return JSON.stringify([connection.baseUrl, typeof tokenPath === 'string' ? tokenPath : null]);
}

export const connectionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Connection ids are letters, digits, - and _.');

const isoTimestamp = z.iso.datetime();

/** The connection as stored in the connections file (validated again on every read). */
export const connectionSchema = z.discriminatedUnion('provider', [
  connectionOf('vettig'),
  connectionOf('flowtly'),
  connectionOf('confirma'),
  connectionOf('aptic'),
]);

/**
 * A compile error naming the providers a union leaves out: zod's discriminated unions take a
 * list, which the type-checker cannot hold to `ProviderId` by itself.
 */
export type EveryProviderListed<Union extends { provider: ProviderId }> =
  [Exclude<ProviderId, Union['provider']>] extends [never] ? true : { missing: Exclude<ProviderId, Union['provider']> };
export const everyProviderHasAConnectionSchema: EveryProviderListed<z.output<typeof connectionSchema>> = true;

function connectionOf<P extends ProviderId>(provider: P) {
  return z
    .object({
      id: connectionIdSchema,
      provider: z.literal(provider),
      label,
      baseUrl: baseUrlSchema,
      settings: providerSettingsSchemas[provider] as (typeof providerSettingsSchemas)[P],
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    })
    .strict();
}

function newConnectionOf<P extends ProviderId, S extends z.ZodType, K extends z.ZodType>(provider: P, settings: S, secret: K) {
  return z
    .object({
      provider: z.literal(provider),
      label,
      baseUrl: baseUrlSchema,
      settings: settings.prefault({} as z.input<S>),
      secret,
    })
    .strict();
}

/** `connections.add`: settings plus the secret, checked per provider. */
export const newConnectionSchema = z.discriminatedUnion('provider', [
  newConnectionOf('vettig', providerSettingsSchemas.vettig, providerSecretSchemas.vettig),
  newConnectionOf('flowtly', providerSettingsSchemas.flowtly, providerSecretSchemas.flowtly),
  newConnectionOf('confirma', providerSettingsSchemas.confirma, providerSecretSchemas.confirma),
  newConnectionOf('aptic', providerSettingsSchemas.aptic, providerSecretSchemas.aptic),
]);
export type NewConnection = z.output<typeof newConnectionSchema>;
export const everyProviderHasANewConnectionSchema: EveryProviderListed<NewConnection> = true;

/**
 * `connections.update` (and `connections.test` of unsaved values): what changes. Settings and
 * secret are checked against the connection's own provider in main (the provider itself cannot
 * change). Settings are merged into the current ones; an empty value removes an optional one.
 */
export const connectionUpdateSchema = z
  .object({
    id: connectionIdSchema,
    label: label.optional(),
    baseUrl: baseUrlSchema.optional(),
    settings: z.record(z.string(), z.string().trim().max(300)).optional(),
    secret: z.record(z.string(), secretPart).optional(),
  })
  .strict();
export type ConnectionUpdate = z.output<typeof connectionUpdateSchema>;

export const providerIdSchema = z.enum(providerIds);
