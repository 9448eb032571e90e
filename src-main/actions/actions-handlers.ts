import { providerNames } from '../../src-shared/domain/provider';
import type { MethodName } from '../../src-shared/rpc/contract';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import type { ProviderClients } from '../providers/provider-clients';
import type { ApticWrites, ConfirmaWrites, ProviderWrites, VettigWrites } from '../providers/provider-writes';
import type { HandlerGroup } from '../rpc/handler-table';

type ActionMethod = Extract<MethodName, `actions.${string}`>;

/**
 * One handler per action kind: finds the connection's client and hands the validated input to
 * the provider's write, which is sent once (provider-http `send`). A provider without that
 * write is refused here, before anything leaves the machine.
 */
export function actionsHandlers(clients: ProviderClients): HandlerGroup<ActionMethod> {
  const writesOf = async <P extends ProviderWrites['provider']>(connectionId: string, provider: P, what: string): Promise<Extract<ProviderWrites, { provider: P }>> => {
    const { connection, client } = await clients.forConnection(connectionId);
    const writes = client.writes;
    if (writes?.provider !== provider) {
      throw new RpcError('invalid_input', `Reskontra cannot ${what} through ${providerNames[connection.provider]}.`, { provider: connection.provider });
    }
    return writes as Extract<ProviderWrites, { provider: P }>;
  };
  const aptic = (id: string, what: string): Promise<ApticWrites> => writesOf(id, 'aptic', what);
  const confirma = (id: string, what: string): Promise<ConfirmaWrites> => writesOf(id, 'confirma', what);
  const vettig = (id: string, what: string): Promise<VettigWrites> => writesOf(id, 'vettig', what);
  return {
    'actions.readInvoice': async ({ connectionId, invoiceRef }) => (await aptic(connectionId, 'read one invoice')).readInvoice(invoiceRef),
    'actions.readCase': async ({ connectionId, caseRef }) => (await confirma(connectionId, 'read one case')).readCase(caseRef),
    'actions.disputeInvoice': async ({ connectionId, ...input }) => {
      await (await aptic(connectionId, 'dispute an invoice')).dispute(input);
      return { sent: true };
    },
    'actions.postponeInvoice': async ({ connectionId, ...input }) => {
      await (await aptic(connectionId, 'postpone an invoice')).postpone(input);
      return { sent: true };
    },
    'actions.registerPayment': async ({ connectionId, ...input }) => {
      const { paymentRef } = await (await aptic(connectionId, 'register a payment')).registerPayment(input);
      return { sent: true, paymentRef };
    },
    'actions.commentCase': async ({ connectionId, ...input }) => {
      await (await confirma(connectionId, 'comment on a case')).comment(input);
      return { sent: true };
    },
    'actions.closeInvoice': async ({ connectionId, ...input }) => {
      await (await aptic(connectionId, 'close an invoice')).close(input);
      return { sent: true };
    },
    'actions.readPurchaseTerms': async ({ connectionId, invoiceRef }) => {
      const writes = await aptic(connectionId, 'ask for purchase terms');
      return writes.readPurchaseTerms(invoiceRef, (await writes.readInvoice(invoiceRef)).currency);
    },
    'actions.purchaseInvoice': async ({ connectionId, ...input }) => {
      await (await aptic(connectionId, 'sell an invoice')).purchase(input);
      return { sent: true };
    },
    'actions.readFinancing': async ({ connectionId, invoiceNumber }) => (await vettig(connectionId, 'read financing')).readFinancing(invoiceNumber),
    'actions.financeInvoice': async ({ connectionId, ...input }) => {
      await (await vettig(connectionId, 'finance an invoice')).finance(input);
      return { sent: true };
    },
  };
}
