import type { z } from 'zod';
import { actionsMethods } from './actions-methods';
import { appMethods } from './app-methods';
import { connectionsMethods } from './connections-methods';
import { demoMethods } from './demo-methods';
import { exportMethods } from './export-methods';
import { syncMethods } from './sync-methods';

/**
 * Every call the renderer can make to main. Main registers exactly these methods and
 * nothing else; add a method by adding it to one of the domain maps merged here.
 */
export const rpcContract = {
  ...appMethods,
  ...connectionsMethods,
  ...syncMethods,
  ...exportMethods,
  ...demoMethods,
  ...actionsMethods,
};

export type RpcContract = typeof rpcContract;
export type MethodName = keyof RpcContract;
/** What the caller may send (before defaults and coercions). */
export type RpcInput<M extends MethodName> = z.input<RpcContract[M]['input']>;
/** What the handler receives, after its schema passed. */
export type RpcParsedInput<M extends MethodName> = z.output<RpcContract[M]['input']>;
export type RpcOutput<M extends MethodName> = NonNullable<RpcContract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(rpcContract, name);
}
