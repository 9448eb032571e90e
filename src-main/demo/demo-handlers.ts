import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { HandlerGroup } from '../rpc/handler-table';
import type { RunningSandbox } from '../sandbox/start-sandbox';
import { ensureDemoConnections, type ConnectionHandlers } from './demo-connections';

export function demoHandlers(sandboxes: readonly RunningSandbox[] | undefined, connections: ConnectionHandlers): HandlerGroup<'demo.connect'> {
  return {
    'demo.connect': async () => {
      if (!sandboxes || sandboxes.length === 0) {
        throw new RpcError('not_found', 'Demo data is only available when Reskontra runs in demo mode (npm run demo).');
      }
      return { connections: await ensureDemoConnections(sandboxes, connections) };
    },
  };
}
