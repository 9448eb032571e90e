import type { z } from 'zod';
import {
  providerSecretSchemas,
  providerSettingsSchemas,
  secretDestination,
  type Connection,
  type ConnectionUpdate,
  type ProviderSecret,
} from '../../src-shared/domain/connection';
import { providerNames, type ProviderId } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';

export interface AppliedChange {
  next: Connection;
  /** The new secret, checked against the provider; undefined keeps the stored one. */
  secret: ProviderSecret<ProviderId> | undefined;
}

/**
 * What `change` makes of `current`, checked against the connection's provider. Refuses a
 * change of where the secret is sent (base URL, token path) that does not bring the secret:
 * the stored one was entered for the old address and is never sent to the new one.
 */
export function applyChange(current: Connection, change: Omit<ConnectionUpdate, 'id'>): AppliedChange {
  const merged: Record<string, unknown> = { ...current.settings, ...change.settings };
  for (const [key, value] of Object.entries(change.settings ?? {})) if (value === '') delete merged[key];
  const settings = checked(providerSettingsSchemas[current.provider], merged, 'settings');
  const secret = change.secret ? checked(providerSecretSchemas[current.provider], change.secret, 'secret') : undefined;
  const next = {
    ...current,
    label: change.label ?? current.label,
    baseUrl: change.baseUrl ?? current.baseUrl,
    settings,
    updatedAt: laterThan(current.updatedAt),
  } as Connection;
  if (!secret && secretDestination(next) !== secretDestination(current)) {
    const name = providerNames[current.provider];
    throw new RpcError(
      'secret_required',
      `Changing the API address or the token path needs the ${name} credentials again: ` +
        'Reskontra never sends a stored secret to an address it was not entered for.',
      { provider: current.provider },
    );
  }
  return { next, secret };
}

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? `${what}.${issue.path.join('.')}` : what;
  throw new RpcError('invalid_input', `Invalid input for connections.update: ${field}: ${issue?.message ?? 'invalid'}`);
}

/** Now, but strictly after `previous`, so a changed connection always gets a new version. */
function laterThan(previous: string): string {
  const now = Date.now();
  const before = Date.parse(previous);
  return new Date(Number.isNaN(before) || now > before ? now : before + 1).toISOString();
}
