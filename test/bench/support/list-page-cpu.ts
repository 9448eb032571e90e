/**
 * The sandbox's own CPU per Aptic list page served: the sandbox in a child process (its CPU read
 * from /proc), pages of 100 spread over the whole range, fetched by the tightest client (node:http,
 * keep-alive, the body read and dropped), so the figure is the provider's alone, not a client's.
 */
import { Agent } from 'node:http';
import { mapLimited } from '../../../src-main/providers/map-limited';
import { rawGet, sandboxToken, startChildSandbox } from './detail-call-costs';

export async function listPageCpuUs(invoices: number, pages: number, inFlight: number): Promise<number> {
  const sandbox = await startChildSandbox(1, invoices);
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  try {
    const { base, token } = await sandboxToken(sandbox);
    const skipsFrom = (offset: number) => Array.from({ length: pages }, (_, i) => Math.floor((i * invoices) / pages / 100) * 100 + offset);
    const get = (skip: number) => rawGet(agent, new URL(`v1/Invoices?$skip=${skip}&$top=100`, base), token);
    // Other pages first, so what is timed runs compiled.
    await mapLimited(skipsFrom(100).slice(0, Math.ceil(pages / 4)), inFlight, get);
    const before = sandbox.cpuMs();
    await mapLimited(skipsFrom(0), inFlight, get);
    return ((sandbox.cpuMs() - before) * 1000) / pages;
  } finally {
    agent.destroy();
    sandbox.close();
  }
}
