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
  /** An OS notification, shown by main (Electron); `shown` is false where main has none (browser mode). */
  'app.notify': method<{ shown: boolean }>()(z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) }).strict()),
};
