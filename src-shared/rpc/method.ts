import type { z } from 'zod';

/**
 * One RPC method: the schema its input must pass (checked in main, whatever the transport)
 * and the type of what it answers. The output type is carried by a phantom field so the
 * contract stays a plain object both processes can import.
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  readonly input: Input;
  readonly output?: Output;
}

export function method<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input });
}
