import { contextBridge, ipcRenderer } from 'electron';
import { rpcChannel } from './rpc-channel';

/**
 * The renderer's only door to main: call a contract method by name, get its result object.
 * No ipcRenderer, no events, no Node — main checks the method and its input.
 */
contextBridge.exposeInMainWorld('reskontra', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(rpcChannel(String(method)), input),
});
