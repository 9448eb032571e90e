import { z } from 'zod';
import { newConnectionSchema } from './connection';

/**
 * How the demo launcher hands main its demo connections: a JSON array of `connections.add` inputs
 * in this environment variable. Main never starts or imports the sandboxes; it only reads this.
 */
export const demoConnectionsVariable = 'RESKONTRA_DEMO_CONNECTIONS';

/** Checked on arrival like any other input from outside main: one connection per provider at most. */
export const demoConnectionsSchema = z
  .array(newConnectionSchema)
  .min(1, 'Demo mode needs at least one demo connection.')
  .refine((list) => new Set(list.map((item) => item.provider)).size === list.length, 'Demo connections name each provider once.');
