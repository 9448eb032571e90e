import { isStreamOf, providerNames } from '../../src-shared/domain/provider';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ProviderClients } from '../providers/provider-clients';
import type { HandlerGroup } from '../rpc/handler-table';

/** `sync.page`: one page of one stream; the cursor comes from and goes back to the renderer. */
export function syncHandlers(clients: ProviderClients): HandlerGroup<'sync.page'> {
  return {
    'sync.page': async ({ connectionId, stream, cursor }) => {
      const { connection, client } = await clients.forConnection(connectionId);
      if (!isStreamOf(connection.provider, stream)) {
        throw new RpcError('invalid_input', `${providerNames[connection.provider]} has no stream "${stream}".`);
      }
      return client.page(stream, cursor);
    },
  };
}
