import { z } from 'zod';
import {
  connectionIdSchema,
  connectionUpdateSchema,
  newConnectionSchema,
  type Connection,
} from '../domain/connection';
import type { ConnectionsWarning } from './connections-warning';
import { method } from './method';
import type { RpcErrorBody } from './rpc-error';

export interface ConnectionList {
  connections: Connection[];
  /** Problems found reading the connections file: entries set aside, a copy kept aside, a newer file. */
  warnings: ConnectionsWarning[];
}

/** `connections.test`: ok, or why not (the provider's own words inside, never a secret). */
export type ConnectionTestResult = { ok: true } | { ok: false; error: RpcErrorBody };

const byId = z.object({ id: connectionIdSchema }).strict();

/** Connections: settings in a file, secrets in the OS keychain. No method returns a secret. */
export const connectionsMethods = {
  'connections.list': method<ConnectionList>()(z.object({}).strict()),
  'connections.add': method<Connection>()(newConnectionSchema),
  'connections.update': method<Connection>()(connectionUpdateSchema),
  'connections.remove': method<{ removed: true }>()(byId),
  /** Only an id: the saved connection. With changes: those values, before they are saved. */
  'connections.test': method<ConnectionTestResult>()(connectionUpdateSchema),
};
