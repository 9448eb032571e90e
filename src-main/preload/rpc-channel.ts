/** The IPC channel of one RPC method; shared by main's registration and the preload bridge. */
export function rpcChannel(method: string): string {
  return `rpc:${method}`;
}
