import type { z } from 'zod';
import { isMethodName, rpcContract, type MethodName } from '../../src-shared/rpc/contract';
import { RpcError, type RpcResult } from '../../src-shared/rpc/rpc-error';
import type { Handler, HandlerTable } from './handler-table';

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

/**
 * The single entry both transports use: looks the method up in the contract, validates the
 * input with its schema, runs the handler and turns every failure into an error body.
 * Unexpected errors are reported generically so no provider payload or secret leaks out.
 */
export function createDispatch(table: HandlerTable, log: (line: string) => void = () => {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return failure(new RpcError('unknown_method', `Unknown method "${method}".`));
    }
    const parsed = rpcContract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return failure(new RpcError('invalid_input', describeIssues(method, parsed.error)));
    }
    try {
      const handler = table[method] as Handler<MethodName>;
      return { ok: true, value: await handler(parsed.data as never) };
    } catch (error) {
      if (error instanceof RpcError) return failure(error);
      log(`rpc ${method} failed: ${error instanceof Error ? error.name : typeof error}`);
      return failure(new RpcError('internal', `Reskontra could not complete "${method}".`));
    }
  };
}

function failure(error: RpcError): RpcResult<never> {
  return { ok: false, error: error.toBody() };
}

export function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(input)';
    return `${field}: ${issue.message}`;
  });
  return `Invalid input for ${method}: ${parts.join('; ')}`;
}
