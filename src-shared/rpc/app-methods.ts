import { z } from 'zod';
import { method } from './method';

export type Transport = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  transport: Transport;
  dataDir: string;
  /** Running with the local sandboxes and demo connections (npm run demo). */
  demo: boolean;
}

export const appMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
};
