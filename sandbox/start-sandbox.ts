/**
 * Starts provider sandboxes: real HTTP servers on 127.0.0.1 that speak Vettig's, Flowtly's,
 * Confirma's and Aptic's documented APIs over one generated dataset. This is the public
 * programmatic API (demo mode, integration tests, benchmarks); the CLI is cli.ts.
 */
import { createApticSandbox } from './aptic/aptic-sandbox';
import { createConfirmaSandbox } from './confirma/confirma-sandbox';
import { createDataset, DEFAULT_SCALE, type SandboxDataset } from './data/dataset';
import { parseFaults, validateFaults, type SandboxFaults } from './faults/fault-spec';
import { createFlowtlySandbox } from './flowtly/flowtly-sandbox';
import { startSandboxServer, type ProviderDefinition, type RequestWatch } from './http/sandbox-server';
import { createVettigSandbox } from './vettig/vettig-sandbox';

export { parseFaults, type SandboxFaults };

export type SandboxProvider = 'vettig' | 'flowtly' | 'confirma' | 'aptic';

/** startAllSandboxes' order, and each provider's offset from portBase. */
export const SANDBOX_PROVIDERS: readonly SandboxProvider[] = ['vettig', 'flowtly', 'confirma', 'aptic'];

export const DEFAULT_SEED = 1;
/** Lifetime of Vettig and Aptic access tokens unless tokenLifetimeSeconds says otherwise. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export interface SandboxOptions {
  seed?: number;
  /** Number of invoices in the dataset (default 200). */
  scale?: number;
  faults?: SandboxFaults;
  /** Vettig/Aptic token lifetime (default 3600 s); also Confirma's API key lifetime (default: never expires). */
  tokenLifetimeSeconds?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Sees each request as it arrives, when its answer is over and its connection (benchmarks count calls with it). */
  watch?: RequestWatch;
}

export interface RunningSandbox {
  provider: SandboxProvider;
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  baseUrl: string;
  credentials: Record<string, string>;
  settings: Record<string, string>;
  close(): Promise<void>;
}

interface ProviderSetup {
  definition: ProviderDefinition;
  credentials: Record<string, string>;
  settings: Record<string, string>;
}

const FAULT_SALTS: Record<SandboxProvider, number> = { vettig: 1, flowtly: 2, confirma: 3, aptic: 4 };

function setUp(provider: SandboxProvider, dataset: SandboxDataset, options: SandboxOptions): ProviderSetup {
  const tokenLifetime = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  switch (provider) {
    case 'vettig':
      return createVettigSandbox(dataset, tokenLifetime);
    case 'flowtly':
      return createFlowtlySandbox(dataset);
    case 'confirma':
      return createConfirmaSandbox(dataset, options.tokenLifetimeSeconds ?? null);
    case 'aptic':
      return createApticSandbox(dataset, tokenLifetime);
  }
}

async function startOn(provider: SandboxProvider, dataset: SandboxDataset, options: SandboxOptions): Promise<RunningSandbox> {
  const faults = validateFaults(options.faults ?? {});
  const { definition, credentials, settings } = setUp(provider, dataset, options);
  const server = await startSandboxServer(definition, { port: options.port ?? 0, seed: dataset.seed, faults, faultSalt: FAULT_SALTS[provider], watch: options.watch });
  return { provider, baseUrl: server.baseUrl, credentials: { ...credentials }, settings: { ...settings }, close: server.close };
}

export function startSandbox(provider: SandboxProvider, options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startOn(provider, createDataset(options.seed ?? DEFAULT_SEED, options.scale ?? DEFAULT_SCALE), options);
}

/**
 * All four over one dataset (so an invoice has the same amounts everywhere). With portBase they
 * listen on portBase + 0..3 in SANDBOX_PROVIDERS order (`port` is ignored), else on free ports;
 * if any fails to start, the ones already started are closed before the error is thrown.
 */
export async function startAllSandboxes(options: SandboxOptions & { portBase?: number } = {}): Promise<RunningSandbox[]> {
  const dataset = createDataset(options.seed ?? DEFAULT_SEED, options.scale ?? DEFAULT_SCALE);
  const started: RunningSandbox[] = [];
  try {
    for (const [offset, provider] of SANDBOX_PROVIDERS.entries()) {
      // One `port` cannot serve four servers: only portBase fixes ports here.
      const port = options.portBase !== undefined ? options.portBase + offset : 0;
      started.push(await startOn(provider, dataset, { ...options, port }));
    }
  } catch (error) {
    await Promise.all(started.map((sandbox) => sandbox.close()));
    throw error;
  }
  return started;
}
