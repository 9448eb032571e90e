import type { MethodName, RpcInput, RpcOutput } from '../../src-shared/rpc/contract';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { takeLaunchToken } from './launch-token';
import { httpTransport, preloadTransport, type PreloadBridge, type Transport } from './transport';

declare global {
  interface Window {
    reskontra?: PreloadBridge;
  }
}

let transport: Transport | null = null;

/** Picks the transport once: the preload object inside Electron, loopback HTTP in a browser. */
function currentTransport(): Transport {
  transport ??= window.reskontra
    ? preloadTransport(window.reskontra)
    : httpTransport(takeLaunchToken(window.location, window.history, window.sessionStorage));
  return transport;
}

/** Must run before the router reads the address, so the launch token never becomes a route. */
export function initBridge(): void {
  currentTransport();
}

/** Calls a main-process method; a failure is thrown as an RpcError with the code, message and details from main. */
export async function call<M extends MethodName>(method: M, input: RpcInput<M>): Promise<RpcOutput<M>> {
  const result = await currentTransport()(method, input);
  if (!result.ok) throw RpcError.fromBody(result.error);
  return result.value as RpcOutput<M>;
}
