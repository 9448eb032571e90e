import { isStreamOf, providerNames } from '../../src-shared/domain/provider';
import { packSyncPage } from '../../src-shared/rpc/packed-sync-page';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ProviderClients } from '../providers/provider-clients';
import type { HandlerGroup } from '../rpc/handler-table';

/**
 * `sync.page`: one page of one stream, packed; the cursor comes from and goes back to the renderer.
 * `sync.details`: the per-invoice details a deferred page left pending, for the invoices the
 * renderer found changed; their requests, like cursors, come back from the renderer.
 */
export function syncHandlers(clients: ProviderClients): HandlerGroup<'sync.page' | 'sync.details'> {
  const streamOf = async (connectionId: string, stream: string) => {
    const { connection, client } = await clients.forConnection(connectionId);
    if (!isStreamOf(connection.provider, stream)) {
      throw new RpcError('invalid_input', `${providerNames[connection.provider]} has no stream "${stream}".`);
    }
    return { connection, client };
  };
  return {
    'sync.page': async ({ connectionId, stream, cursor, deferDetails, known }) => {
      const { client } = await streamOf(connectionId, stream);
      return packSyncPage(await client.page(stream, cursor, { deferDetails, known }));
    },
    'sync.details': async ({ connectionId, stream, requests }) => {
      const { connection, client } = await streamOf(connectionId, stream);
      if (!client.details) throw new RpcError('invalid_input', `${providerNames[connection.provider]} has no details for stream "${stream}".`);
      return client.details(stream, requests);
    },
  };
}
