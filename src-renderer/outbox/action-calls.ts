import type { MethodName, RpcInput, RpcOutput } from '../../src-shared/rpc/contract';
import type { ActionCalls } from './action-rules';
import type { OutboxAction } from './outbox-action';

/** The bridge's `call` (throws RpcError), or anything shaped like it. */
export type Call = <M extends MethodName>(method: M, input: RpcInput<M>) => Promise<RpcOutput<M>>;

/** Each kind of action to its one RPC method. */
export function actionCalls(call: Call): ActionCalls {
  return {
    readInvoice: (connectionId, invoiceRef) => call('actions.readInvoice', { connectionId, invoiceRef }),
    readCase: (connectionId, caseRef) => call('actions.readCase', { connectionId, caseRef }),
    readFinancing: (connectionId, invoiceNumber) => call('actions.readFinancing', { connectionId, invoiceNumber }),
    readPurchaseTerms: (connectionId, invoiceRef) => call('actions.readPurchaseTerms', { connectionId, invoiceRef }),
    async send(action: OutboxAction) {
      const { connectionId, targetRef } = action;
      const invoice = { connectionId, invoiceRef: targetRef };
      switch (action.kind) {
        case 'dispute':
          await call('actions.disputeInvoice', { ...invoice, ...action.input });
          return;
        case 'postpone':
          await call('actions.postponeInvoice', { ...invoice, ...action.input });
          return;
        case 'payment':
          await call('actions.registerPayment', { ...invoice, ...action.input });
          return;
        case 'comment':
          await call('actions.commentCase', { connectionId, caseRef: targetRef, ...action.input });
          return;
        case 'close':
          await call('actions.closeInvoice', { ...invoice, ...action.input });
          return;
        case 'purchase':
          await call('actions.purchaseInvoice', { ...invoice, ...action.input });
          return;
        case 'finance':
          await call('actions.financeInvoice', { connectionId, ...action.input });
          return;
      }
    },
  };
}
