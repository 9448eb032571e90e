import type { NewConnection } from '../../src-shared/domain/connection';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { HandlerGroup } from '../rpc/handler-table';
import { ensureDemoConnections, type ConnectionHandlers } from './demo-connections';

export function demoHandlers(demoConnections: readonly NewConnection[] | undefined, connections: ConnectionHandlers): HandlerGroup<'demo.connect'> {
  return {
    'demo.connect': async () => {
      if (!demoConnections || demoConnections.length === 0) {
        throw new RpcError('not_found', 'Demo data is only available when Reskontra runs in demo mode (npm run demo).');
      }
      return { connections: await ensureDemoConnections(demoConnections, connections) };
    },
  };
}
