import type { Connection, NewConnection } from '../../src-shared/domain/connection';
import type { Handler } from '../rpc/handler-table';

export interface ConnectionHandlers {
  list: Handler<'connections.list'>;
  add: Handler<'connections.add'>;
  update: Handler<'connections.update'>;
}

/**
 * Makes sure there is one demo connection per input, pointing at its current address with its
 * current credentials (the sandboxes may have moved port, and a throwaway keyring may have
 * forgotten the secrets since the last demo). Goes through the same handlers as the UI, so
 * secrets take the keychain path like real ones.
 */
export async function ensureDemoConnections(inputs: readonly NewConnection[], handlers: ConnectionHandlers): Promise<Connection[]> {
  const { connections } = await handlers.list({});
  const result: Connection[] = [];
  for (const input of inputs) {
    const existing = connections.find((item) => item.provider === input.provider && item.label === input.label);
    if (existing) {
      result.push(await handlers.update({ id: existing.id, baseUrl: input.baseUrl, settings: { ...input.settings }, secret: { ...input.secret } }));
    } else {
      result.push(await handlers.add(input));
    }
  }
  return result;
}
