import { z } from 'zod';
import type { Connection } from '../domain/connection';
import { method } from './method';

/** Demo mode only: one connection per provider, pointing at the local sandboxes. */
export const demoMethods = {
  'demo.connect': method<{ connections: Connection[] }>()(z.object({}).strict()),
};
