import type { MethodName, RpcOutput, RpcParsedInput } from '../../src-shared/rpc/contract';

export type Handler<M extends MethodName> = (input: RpcParsedInput<M>) => Promise<RpcOutput<M>>;

/** One implementation per contract method: a missing or extra method is a compile error. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

/** A slice of the table, as each domain provides it. */
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };
