/**
 * Compiled by tsconfig.test.json (`npm run typecheck`), never run: each `@ts-expect-error`
 * below fails the type-check if its line compiles, i.e. if a provider table would accept
 * one provider fewer. Adding an id to `providerIds` therefore breaks every table lacking it.
 */
import type { EveryProviderListed, NewConnection } from '../../src-shared/domain/connection';
import { providerSecretSchemas, providerSettingsSchemas } from '../../src-shared/domain/connection';
import { providerNames, streamsByProvider, type ProviderId } from '../../src-shared/domain/provider';
import { providerDefaults } from '../../src-shared/domain/provider-defaults';
import { providerForms } from '../../src-renderer/connections/provider-fields';

type WithoutAptic<T> = Omit<T, 'aptic'>;
const withoutAptic = <T extends Record<ProviderId, unknown>>(table: T): WithoutAptic<T> => {
  const { aptic: _left, ...rest } = table;
  return rest;
};

// @ts-expect-error a table of names must name every provider
export const names: typeof providerNames = withoutAptic(providerNames);
// @ts-expect-error the streams table must list every provider's streams
export const streams: typeof streamsByProvider = withoutAptic(streamsByProvider);
// @ts-expect-error every provider has a settings schema
export const settings: typeof providerSettingsSchemas = withoutAptic(providerSettingsSchemas);
// @ts-expect-error every provider has a secret schema
export const secrets: typeof providerSecretSchemas = withoutAptic(providerSecretSchemas);
// @ts-expect-error every provider has defaults
export const defaults: typeof providerDefaults = withoutAptic(providerDefaults);
// @ts-expect-error every provider has an add-connection form
export const forms: typeof providerForms = withoutAptic(providerForms);

// The `satisfies Record<ProviderId, …>` form the tables are written in refuses a missing key too.
// @ts-expect-error aptic is missing
export const literal = { vettig: 1, flowtly: 2, confirma: 3 } satisfies Record<ProviderId, number>;

// zod's discriminated unions take a list; EveryProviderListed holds the list to ProviderId.
export const complete: EveryProviderListed<NewConnection> = true;
// @ts-expect-error a union without Aptic is reported, naming it
export const incomplete: EveryProviderListed<Exclude<NewConnection, { provider: 'aptic' }>> = true;
