/**
 * What one Aptic detail call costs on each side, measured apart: the sandbox runs in a child
 * process (its CPU read from /proc), the client in this one (process.cpuUsage).
 *
 * - sandbox alone: the same three calls per invoice a first sync makes (the detail, its
 *   transactions, its financial details), sent by a tight client (node:http, keep-alive, the body
 *   read and dropped), so what is measured is what the provider needs per call.
 * - main's client: the app's Aptic client (`createApticClient`, as main runs it: auth, the detail
 *   limiter, retries, body reading, JSON, zod, normalising, the list hash) asked for the same
 *   invoices' VAT and invoice-details; its CPU per call is this process's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { createApticClient } from '../../../src-main/providers/aptic/client';
import { apticDetailRequest } from '../../../src-main/providers/aptic/vat-lines';
import { defaultHttpOptions } from '../../../src-main/providers/http-options';
import { encodeCursor } from '../../../src-main/providers/sync-cursor';
import { mapLimited } from '../../../src-main/providers/map-limited';
import type { Connection } from '../../../src-shared/domain/connection';

export interface CallCost {
  calls: number;
  ms: number;
  callsPerSecond: number;
  /** CPU per call, in ms: the sandbox's process and the client's. */
  sandboxCpuMs: number;
  clientCpuMs: number;
}

export interface ChildSandbox {
  baseUrl: string;
  credentials: Record<string, string>;
  settings: Record<string, string>;
  cpuMs(): number;
  close(): void;
}

/** utime + stime of a process, in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function startChildSandbox(seed: number, scale: number): Promise<ChildSandbox> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sandbox-child.ts')], {
    env: { ...process.env, SANDBOX_SEED: String(seed), SANDBOX_SCALE: String(scale) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox process ended (${code}) before it listened`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const started = JSON.parse(line) as Omit<ChildSandbox, 'cpuMs' | 'close'>;
  return { ...started, cpuMs: () => processCpuMs(child.pid!), close: () => child.kill('SIGTERM') };
}

export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function measured(sandbox: ChildSandbox, calls: number, work: () => Promise<unknown>): Promise<CallCost> {
  const cpu = { sandbox: sandbox.cpuMs(), client: ownCpuMs() };
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  return {
    calls,
    ms: Math.round(ms),
    callsPerSecond: Math.round(calls / (ms / 1000)),
    sandboxCpuMs: Number(((sandbox.cpuMs() - cpu.sandbox) / calls).toFixed(3)),
    clientCpuMs: Number(((ownCpuMs() - cpu.client) / calls).toFixed(3)),
  };
}

/** The sandbox's base URL (ending in a slash) and a bearer token from its token path. */
export async function sandboxToken(sandbox: ChildSandbox): Promise<{ base: URL; token: string }> {
  const base = new URL(sandbox.baseUrl.endsWith('/') ? sandbox.baseUrl : `${sandbox.baseUrl}/`);
  const answer = await fetch(new URL(sandbox.settings.tokenPath!.replace(/^\//, ''), base), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.credentials.clientId!, client_secret: sandbox.credentials.clientSecret! }),
  });
  return { base, token: ((await answer.json()) as { access_token: string }).access_token };
}

/** GET as text over a keep-alive agent: the least a client can do per call. */
export function rawGet(agent: Agent, url: URL, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => (incoming.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`${url.pathname}: HTTP ${incoming.statusCode}`))));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * The sandbox alone and main's client, over the first `invoices` invoices of a `scale` dataset,
 * `concurrency` calls at a time for the tight client (main's client paces itself).
 */
export async function measureDetailCallCosts(seed: number, scale: number, invoices: number, concurrency: number): Promise<{ sandboxAlone: CallCost; client: CallCost }> {
  const sandbox = await startChildSandbox(seed, scale);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const { base, token } = await sandboxToken(sandbox);
    const items = (
      await Promise.all(
        Array.from({ length: Math.ceil(invoices / 100) }, async (_, page) =>
          (JSON.parse(await rawGet(agent, new URL(`v1/Invoices?$skip=${page * 100}&$top=100`, base), token)) as { value: Array<Record<string, unknown>> }).value,
        ),
      )
    )
      .flat()
      .slice(0, invoices);
    const paths = items.flatMap((item) => {
      const at = `v1/Invoices/${String(item.invoiceGuid)}`;
      return [at, `${at}/Transactions?$skip=0&$top=100`, `${at}/FinancialDetails`];
    });
    // Warm both sides (JIT, sockets) on a slice first, as a sync's first pages do.
    await mapLimited(paths.slice(0, 300), concurrency, (path) => rawGet(agent, new URL(path, base), token));
    const sandboxAlone = await measured(sandbox, paths.length, () => mapLimited(paths, concurrency, (path) => rawGet(agent, new URL(path, base), token)));

    const now = new Date().toISOString();
    const connection: Connection = { id: 'bench-aptic', provider: 'aptic', label: 'Aptic', baseUrl: sandbox.baseUrl, settings: { tokenPath: sandbox.settings.tokenPath! }, createdAt: now, updatedAt: now };
    const secret = { clientId: sandbox.credentials.clientId!, clientSecret: sandbox.credentials.clientSecret! };
    const client = createApticClient(connection, { read: async () => secret, write: async () => undefined }, defaultHttpOptions);
    // One request per invoice serves both streams' calls, as the invoices stream's page gives it.
    const vatRequests = items.map((item) => encodeCursor(apticDetailRequest({ providerRef: String(item.invoiceGuid), number: String(item.invoiceNumber), currency: String(item.currencyCode) }, item)));
    const detailRequests = vatRequests;
    const batches = (requests: string[]) => Array.from({ length: Math.ceil(requests.length / 100) }, (_, n) => requests.slice(n * 100, n * 100 + 100));
    // The app's own calls, a batch of 100 at a time as the renderer asks for them.
    const appCalls = async () => {
      for (const batch of batches(vatRequests)) await client.details!('invoices', batch);
      for (const batch of batches(detailRequests)) await client.details!('invoice-details', batch);
    };
    await client.details!('invoices', vatRequests.slice(0, 100));
    await client.details!('invoice-details', detailRequests.slice(0, 100));
    const clientCost = await measured(sandbox, paths.length, appCalls);
    return { sandboxAlone, client: clientCost };
  } finally {
    agent.destroy();
    sandbox.close();
  }
}
