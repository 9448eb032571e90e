import { RpcError } from '../../../src-shared/rpc/rpc-error';
import type { MethodName, RpcInput, RpcOutput } from '../../../src-shared/rpc/contract';
import { actionCalls } from '../../../src-renderer/outbox/action-calls';
import type { OutboxDeps } from '../../../src-renderer/outbox/outbox-sender';
import { memoryCache } from '../../support/memory-cache';
import type { RpcHarness } from '../../providers/support/rpc-harness';

/** The outbox on fake-indexeddb, calling main's real RPC table the way the bridge does. */
export function outboxOn(harness: RpcHarness): OutboxDeps & { sent: string[] } {
  const sent: string[] = [];
  const call = async <M extends MethodName>(method: M, input: RpcInput<M>): Promise<RpcOutput<M>> => {
    if (!method.startsWith('actions.read')) sent.push(method);
    const result = await harness.call(method, input);
    if (!result.ok) throw RpcError.fromBody(result.error);
    return result.value;
  };
  let queue = Promise.resolve();
  const exclusive: OutboxDeps['exclusive'] = (work) => {
    const run = queue.then(work);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };
  return { db: memoryCache().db, calls: actionCalls(call), exclusive, sent };
}
