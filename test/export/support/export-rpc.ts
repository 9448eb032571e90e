import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodName, RpcInput, RpcOutput } from '../../../src-shared/rpc/contract';
import type { RpcErrorBody } from '../../../src-shared/rpc/rpc-error';
import type { ChooseSavePath } from '../../../src-main/export/save-target';
import { createHandlers } from '../../../src-main/rpc/create-handlers';
import { createDispatch } from '../../../src-main/rpc/dispatch';

export interface ExportRpc {
  dataDir: string;
  /** Calls through the real dispatch; answers the value or throws the error body's message. */
  call<M extends MethodName>(method: M, input: RpcInput<M>): Promise<RpcOutput<M>>;
  /** Calls and answers the error body; fails if the call succeeded. */
  fail(method: MethodName, input: unknown): Promise<RpcErrorBody>;
}

/** The whole handler table over a fresh temporary data folder, as browser mode runs it. */
export async function exportRpc(chooseSavePath?: ChooseSavePath): Promise<ExportRpc> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-export-'));
  const dispatch = createDispatch(createHandlers({ name: 'Reskontra', version: 'test', transport: 'browser', dataDir, chooseSavePath }));
  return {
    dataDir,
    async call(method, input) {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(method, input) {
      const result = await dispatch(method, input);
      if (result.ok) throw new Error(`${method} succeeded, expected an error`);
      return result.error;
    },
  };
}

/** Begins an export that must start (no dialog, or one that answers a path). */
export async function begin(rpc: ExportRpc, suggestedName: string): Promise<{ exportId: string; fileName: string }> {
  const begun = await rpc.call('export.begin', { suggestedName });
  if (begun.status !== 'started') throw new Error('export.begin was cancelled');
  return begun;
}
