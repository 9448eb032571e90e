import type { Transport } from '../../src-shared/rpc/app-methods';
import type { HandlerGroup } from '../rpc/handler-table';

export interface AppContext {
  name: string;
  version: string;
  transport: Transport;
  dataDir: string;
  demo: boolean;
}

export function appHandlers(context: AppContext): HandlerGroup<'app.info'> {
  return {
    'app.info': async () => ({ ...context }),
  };
}
