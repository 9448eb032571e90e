import { appHandlers, type AppContext } from '../app/app-handlers';
import type { HandlerTable } from './handler-table';

export type MainContext = AppContext;

/** Wires every domain's handlers into the one table both transports serve. */
export function createHandlers(context: MainContext): HandlerTable {
  return {
    ...appHandlers(context),
  };
}
