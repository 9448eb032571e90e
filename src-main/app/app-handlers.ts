import type { Transport } from '../../src-shared/rpc/app-methods';
import type { HandlerGroup } from '../rpc/handler-table';

export interface AppContext {
  name: string;
  version: string;
  transport: Transport;
  dataDir: string;
  demo: boolean;
}

/** Shows an OS notification where the shell has them (Electron); false when it could not. */
export type ShowNotification = (message: { title: string; body: string }) => boolean;

export function appHandlers(context: AppContext, showNotification?: ShowNotification): HandlerGroup<'app.info' | 'app.notify'> {
  return {
    'app.info': async () => ({ ...context }),
    'app.notify': async (message) => ({ shown: showNotification?.(message) ?? false }),
  };
}
