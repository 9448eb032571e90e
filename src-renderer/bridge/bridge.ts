import { readonly, ref } from 'vue';
import type { MethodName, RpcInput, RpcOutput } from '../../src-shared/rpc/contract';
import { RpcError } from '../../src-shared/rpc/rpc-error';
import { storedLaunchToken, takeLaunchToken, watchLaunchToken } from './launch-token';
import { httpTransport, preloadTransport, type PreloadBridge, type Transport } from './transport';

declare global {
  interface Window {
    reskontra?: PreloadBridge;
  }
}

/**
 * Whether this tab may show the app: `checking` until main has answered once, `refused` while
 * the tab holds no valid launch token (a tab from an earlier launch, an address typed without
 * it). A refused tab shows no screen and nothing of the cache: what it would show could belong
 * to another launch (the invoice list is read into memory while main answers, main.ts, and stays
 * unseen). Electron's window is always `granted`.
 */
export type Access = 'checking' | 'granted' | 'refused';
const accessState = ref<Access>('checking');
/** Counts the grants, so the screens load again after a tab is revived with a fresh token. */
const grantsState = ref(0);
export const access = readonly(accessState);
export const grants = readonly(grantsState);

let transport: Transport | null = null;

/** Picks the transport once: the preload object inside Electron, loopback HTTP in a browser. */
function currentTransport(): Transport {
  if (transport) return transport;
  if (window.reskontra) {
    transport = preloadTransport(window.reskontra);
    grant();
    return transport;
  }
  takeLaunchToken(window.location, window.history, window.sessionStorage);
  transport = httpTransport(() => storedLaunchToken(window.sessionStorage));
  watchLaunchToken(window, () => void checkAccess());
  void checkAccess();
  return transport;
}

function grant(): void {
  grantsState.value += 1;
  accessState.value = 'granted';
}

/** Asks main once; only a refused token keeps the app hidden (an unreachable main is reported by the screens). */
async function checkAccess(): Promise<void> {
  accessState.value = 'checking';
  const result = await currentTransport()('app.info', {});
  if (!result.ok && result.error.code === 'unauthorized') accessState.value = 'refused';
  else grant();
}

/** Must run before the router reads the address, so the launch token never becomes a route. */
export function initBridge(): void {
  currentTransport();
}

/** Calls a main-process method; a failure is thrown as an RpcError with the code, message and details from main. */
export async function call<M extends MethodName>(method: M, input: RpcInput<M>): Promise<RpcOutput<M>> {
  const result = await currentTransport()(method, input);
  if (!result.ok) {
    // The host restarted with a new token: hide the app until the new address is pasted here.
    if (result.error.code === 'unauthorized') accessState.value = 'refused';
    throw RpcError.fromBody(result.error);
  }
  return result.value as RpcOutput<M>;
}
