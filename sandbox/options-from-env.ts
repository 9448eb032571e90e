import { parseFaults, type SandboxOptions } from './start-sandbox';

/**
 * What `npm run sandbox` and `npm run demo` read from the environment: SANDBOX_SEED,
 * SANDBOX_SCALE, SANDBOX_FAULTS ("429:0.1,500:0.05,slow:0.02") and SANDBOX_PORT_BASE (fixed ports
 * base..base+3 instead of free ones). A malformed value is an error, never silently the default.
 */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions & { portBase?: number } {
  const faultsSpec = env.SANDBOX_FAULTS;
  return {
    seed: integerFromEnv(env, 'SANDBOX_SEED'),
    scale: integerFromEnv(env, 'SANDBOX_SCALE'),
    faults: faultsSpec ? parseFaults(faultsSpec) : undefined,
    portBase: integerFromEnv(env, 'SANDBOX_PORT_BASE'),
  };
}

function integerFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be a whole number, got '${raw}'`);
  return value;
}
