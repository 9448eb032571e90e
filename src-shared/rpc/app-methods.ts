import { z } from 'zod';
import { method } from './method';

export type Transport = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  transport: Transport;
  dataDir: string;
}

export const appMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
};
