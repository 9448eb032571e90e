/**
 * What `npm run demo` starts before the app: the four sandboxes, configured from SANDBOX_* like
 * `npm run sandbox`, and the demo connections main is handed (as data, in an environment variable).
 */
import { demoConnectionsVariable } from '../src-shared/domain/demo-connections';
import { demoConnectionInput } from './demo-connection-input';
import { sandboxOptionsFromEnv } from './options-from-env';
import { startAllSandboxes, type RunningSandbox } from './start-sandbox';

/** The usual demo ports (vettig, flowtly, confirma, aptic = base+0…3): the demo connections keep their address. */
const usualDemoPortBase = 47_810;

export interface DemoSandboxes {
  sandboxes: RunningSandbox[];
  /** Set these in main's environment: the demo connections for `demo.connect`. */
  env: Record<string, string>;
}

export async function startDemoSandboxes(env: NodeJS.ProcessEnv): Promise<DemoSandboxes> {
  const { portBase, ...options } = sandboxOptionsFromEnv(env);
  // SANDBOX_PORT_BASE is a demand; the usual ports are only a preference.
  const sandboxes =
    portBase !== undefined
      ? await startAllSandboxes({ ...options, portBase })
      : await startAllSandboxes({ ...options, portBase: usualDemoPortBase }).catch(() => startAllSandboxes(options));
  return { sandboxes, env: { [demoConnectionsVariable]: JSON.stringify(sandboxes.map(demoConnectionInput)) } };
}
