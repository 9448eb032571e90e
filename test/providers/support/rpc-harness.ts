import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodName, RpcInput, RpcOutput } from '../../../src-shared/rpc/contract';
import type { RpcErrorBody } from '../../../src-shared/rpc/rpc-error';
import type { HttpOptions } from '../../../src-main/providers/http-options';
import { createDispatch } from '../../../src-main/rpc/dispatch';
import { createHandlers, type MainContext } from '../../../src-main/rpc/create-handlers';

/** Fast but real retry behaviour: the same policy as production, with millisecond backoff. */
export const fastHttp: Partial<HttpOptions> = {
  timeoutMs: 2_000,
  retryLimit: 6,
  retryBaseDelayMs: 5,
  backoffLimitMs: 50,
  maxRetryAfterMs: 50,
};

/**
 * The RPC table exactly as both transports serve it (dispatch + handlers), on a temporary data
 * folder. Every output, error and log line is recorded so tests can assert no secret leaks.
 */
export interface RpcHarness {
  dataDir: string;
  call<M extends MethodName>(method: M, input: RpcInput<M>): Promise<{ ok: true; value: RpcOutput<M> } | { ok: false; error: RpcErrorBody }>;
  expectOk<M extends MethodName>(method: M, input: RpcInput<M>): Promise<RpcOutput<M>>;
  /** Everything main said back: outputs, error bodies, log lines, as JSON text. */
  transcript(): string;
  close(): Promise<void>;
}

export async function createRpcHarness(context: Partial<MainContext> = {}): Promise<RpcHarness> {
  const dataDir = context.dataDir ?? (await mkdtemp(join(tmpdir(), 'reskontra-rpc-')));
  const said: string[] = [];
  const dispatch = createDispatch(
    createHandlers({ name: 'Reskontra', version: 'test', transport: 'browser', http: fastHttp, ...context, dataDir }),
    (line) => said.push(line),
  );
  const call: RpcHarness['call'] = async (method, input) => {
    const result = await dispatch(method, input);
    said.push(JSON.stringify(result));
    return result as never;
  };
  return {
    dataDir,
    call,
    async expectOk(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    transcript: () => said.join('\n'),
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}
