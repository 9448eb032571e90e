import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoConnectionInput } from '../../../sandbox/demo-connection-input';
import { startSandbox, type RunningSandbox, type SandboxProvider } from '../../../sandbox/start-sandbox';
import type { Connection } from '../../../src-shared/domain/connection';
import { cacheByConnection, readCache, referenceRecords } from '../../support/app-with-sandboxes';
import { closeChromium, killChromium, startChromiumProcess, type ChromiumProcess } from './chromium-process';
import { dataFolderProblems, exportProblems, keychainAccounts } from './data-folder-checks';
import { killHost, startHostProcess, stopHost, type HostProcess } from './host-process';

export const crashOperations = ['sync', 'full resync', 'connection edit', 'export'] as const;
export type CrashOperation = (typeof crashOperations)[number];
export type KillTarget = 'host' | 'browser';

export interface CrashRunResult {
  seed: number;
  operation: CrashOperation;
  target: KillTarget;
  killAfterMs: number;
  seconds: number;
  /** Whether the operation had already ended when the kill came: such a run only proves the restart. */
  endedBeforeKill: boolean;
  records: number;
  problems: string[];
  /** Seconds spent in each stage, in order: where a slow run spends its time. */
  stages: Array<[string, number]>;
}

const providers: readonly SandboxProvider[] = ['aptic', 'vettig'];
/**
 * One dataset for every run: a seed varies what is killed and when, not the data, so the
 * reference walk (the sandboxes' own data, read through main's handlers) is made once per process.
 */
const dataset = { seed: 1, scale: 200 };
let reference: ReturnType<typeof referenceRecords> | undefined;

/** mulberry32: a run is repeated exactly by its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * What a seed picks. Operation and target take turns (seeds 1-8 cover each operation on each side,
 * and so does any 8 in a row); the moment of the kill is random, from the seed.
 */
export function crashPlan(seed: number): { operation: CrashOperation; target: KillTarget; killAfterMs: number } {
  const next = random(seed);
  const operation = crashOperations[Math.floor((seed - 1) / 2) % crashOperations.length]!;
  return { operation, target: seed % 2 === 0 ? 'host' : 'browser', killAfterMs: Math.round(next() * 2_500) };
}

/** The export each run writes: big enough to take a while in chunks, and checkable byte for byte. */
function exportChunks(seed: number): string[] {
  return Array.from({ length: 60 }, (_, chunk) => Array.from({ length: 1_000 }, (_, row) => `${seed};${chunk};${row};${'x'.repeat(40)}\n`).join(''));
}

/** The launch token each page was opened with: the app keeps it in memory only. */
const pageTokens = new WeakMap<Page, string>();

/** Runs in the page: browser-mode RPC with the page's token, so killing either side cuts it off. */
async function pageRpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input, token }) => {
      const response = await fetch(`/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-reskontra-token': token }, body: JSON.stringify(input) });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
      return result.value;
    },
    { method, input, token: pageTokens.get(page) ?? '' },
  ) as Promise<T>;
}

async function writeExport(page: Page, fileName: string, chunks: readonly string[]): Promise<void> {
  const begun = await pageRpc<{ status: string; exportId: string; fileName: string }>(page, 'export.begin', { suggestedName: fileName });
  if (begun.status !== 'started' || begun.fileName !== fileName) throw new Error(`export.begin answered ${JSON.stringify(begun)}`);
  for (const chunk of chunks) await pageRpc(page, 'export.append', { exportId: begun.exportId, chunk });
  await pageRpc(page, 'export.commit', { exportId: begun.exportId });
}

/** Label and secret rewritten, and a spare connection added and removed: every write the RPC makes. */
async function editConnections(page: Page, sandboxes: readonly RunningSandbox[], connections: readonly Connection[], rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const [index, connection] of connections.entries()) {
      const input = demoConnectionInput(sandboxes[index]!);
      await pageRpc(page, 'connections.update', { id: connection.id, label: `${input.label} ${round}`, secret: input.secret });
    }
    const spare = await pageRpc<Connection>(page, 'connections.add', { ...demoConnectionInput(sandboxes[0]!), label: `Spare ${round}` });
    await pageRpc(page, 'connections.remove', { id: spare.id });
  }
}

async function openApp(chromium: ChromiumProcess, host: HostProcess): Promise<Page> {
  for (const open of chromium.context.pages()) await open.close().catch(() => undefined);
  const page = await chromium.context.newPage();
  pageTokens.set(page, host.token);
  await page.goto(host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
  return page;
}

/** Presses the sync buttons and waits until every connection reports its sync complete. */
async function syncToTheEnd(page: Page, full: boolean): Promise<void> {
  const connections = await pageRpc<{ connections: Connection[] }>(page, 'connections.list', {});
  if (full) for (const { label } of connections.connections) await page.getByRole('button', { name: `Full resync of ${label}` }).click();
  else await page.getByRole('button', { name: 'Sync all' }).click();
  for (const { label } of connections.connections) {
    const card = page.getByRole('article', { name: label });
    await card.getByText(/^Sync complete/).waitFor({ timeout: 120_000 }).catch(async (error: unknown) => {
      const says = (await page.getByRole('article').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      throw new Error(`${label} never said "Sync complete"; the cards say: ${says.join(' | ')}`, { cause: error });
    });
  }
}

/**
 * One seeded crash: sandboxes and browser mode on a fresh data folder and Chromium profile, the
 * operation started, the host or the browser SIGKILLed at the seed's moment, the killed side
 * started again on the same folder and profile, the operation run to its end, then a graceful
 * restart of both and the checks: the cache holds exactly what the providers serve, the
 * connections file and the keychain agree, and no temp, part or half-written file is left.
 */
export async function crashRun(seed: number): Promise<CrashRunResult> {
  const started = performance.now();
  const { operation, target, killAfterMs } = crashPlan(seed);
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-crash-data-'));
  const profileDir = await mkdtemp(join(tmpdir(), 'reskontra-crash-profile-'));
  const sandboxes = await Promise.all(providers.map((provider) => startSandbox(provider, dataset)));
  // Entries another test left bound to a port these sandboxes now reuse are not this run's.
  const keychainBefore = await keychainAccounts();
  let host: HostProcess | undefined;
  let chromium: ChromiumProcess | undefined;
  const problems: string[] = [];
  let records = 0;
  let endedBeforeKill = false;
  let stage = 'starting';
  const stages: Array<[string, number]> = [];
  let stageStarted = performance.now();
  const enter = (next: string) => {
    stages.push([stage, Math.round((performance.now() - stageStarted) / 100) / 10]);
    stage = next;
    stageStarted = performance.now();
  };
  try {
    if (!reference) {
      reference = referenceRecords(dataset, providers);
      // Awaited in the checks; a run that fails before them must not leave it unhandled.
      reference.catch(() => undefined);
    }
    host = await startHostProcess(dataDir);
    chromium = await startChromiumProcess(profileDir);
    enter('opening the app');
    let page = await openApp(chromium, host);
    enter('adding connections');
    const connections: Connection[] = [];
    for (const sandbox of sandboxes) connections.push(await pageRpc<Connection>(page, 'connections.add', demoConnectionInput(sandbox)));
    page = await openApp(chromium, host);
    enter('the first sync');
    if (operation !== 'sync') await syncToTheEnd(page, false);

    const chunks = exportChunks(seed);
    const running: Promise<unknown> =
      operation === 'sync' ? syncToTheEnd(page, false)
      : operation === 'full resync' ? syncToTheEnd(page, true)
      : operation === 'connection edit' ? editConnections(page, sandboxes, connections, 20)
      : writeExport(page, `crash-${seed}.csv`, chunks);
    // The operation is cut off by the kill: its failure is the point, not a finding.
    running.then(() => (endedBeforeKill = true), () => undefined);
    enter(`the ${operation}`);
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    if (target === 'host') {
      await killHost(host);
      host = await startHostProcess(dataDir, host.port);
    } else {
      await killChromium(chromium);
      chromium = await startChromiumProcess(profileDir);
    }
    enter(`the restart of the ${target}`);
    // openApp closes the pages the operation ran in, which ends whatever of it is still waiting.
    page = await openApp(chromium, host);
    // Right after the restart, before anything else runs: what the crash itself left.
    problems.push(...(await exportProblems(dataDir, `crash-${seed}.csv`, chunks.join(''), false)));

    enter(`the ${operation} run to its end`);
    if (operation === 'connection edit') {
      await editConnections(page, sandboxes, connections, 1);
      // The edits went around the page's store: a fresh page shows the labels they left.
      page = await openApp(chromium, host);
    }
    if (operation === 'export') await writeExport(page, `crash-${seed}-again.csv`, chunks);
    await syncToTheEnd(page, operation === 'full resync');

    enter('the checks');
    await closeChromium(chromium);
    await stopHost(host);
    host = await startHostProcess(dataDir, host.port);
    chromium = await startChromiumProcess(profileDir);
    page = await openApp(chromium, host);
    problems.push(...(await cacheProblems(page, await reference)));
    records = (await readCache(page)).length;
    problems.push(...(await dataFolderProblems(dataDir, sandboxes.map((sandbox) => sandbox.baseUrl), keychainBefore)));
    if (operation === 'export') problems.push(...(await exportProblems(dataDir, `crash-${seed}-again.csv`, chunks.join(''), true)));
  } catch (error) {
    problems.push(`run failed during ${stage}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    enter('done');
    if (chromium) await closeChromium(chromium);
    if (host) await stopHost(host);
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    await rm(dataDir, { recursive: true, force: true });
    await rm(profileDir, { recursive: true, force: true });
  }
  return { seed, operation, target, killAfterMs, seconds: Math.round((performance.now() - started) / 100) / 10, endedBeforeKill, records, problems, stages };
}

/** Per connection: the same records as the reference walk, none missing, none extra, none different. */
async function cacheProblems(page: Page, reference: Awaited<ReturnType<typeof referenceRecords>>): Promise<string[]> {
  const rows = await readCache(page);
  const cached = cacheByConnection(rows);
  const connections = await pageRpc<{ connections: Connection[] }>(page, 'connections.list', {});
  const problems: string[] = [];
  for (const connection of connections.connections) {
    const expected = reference.get(connection.provider as SandboxProvider)!;
    const got = cached.get(connection.id) ?? new Map<string, string>();
    const missing = [...expected.keys()].filter((key) => !got.has(key));
    const extra = [...got.keys()].filter((key) => !expected.has(key));
    const different = [...expected].filter(([key, value]) => got.has(key) && got.get(key) !== value).map(([key]) => key);
    const duplicated = rows.filter((row) => row.connectionId === connection.id).length - got.size;
    if (duplicated > 0) problems.push(`${connection.provider}: ${duplicated} records cached twice`);
    if (missing.length + extra.length + different.length > 0) {
      problems.push(`${connection.provider}: ${missing.length} missing, ${extra.length} extra, ${different.length} different (e.g. ${[...missing, ...extra, ...different].slice(0, 3).join('; ')})`);
    }
    cached.delete(connection.id);
  }
  for (const [connectionId, rows] of cached) problems.push(`${rows.size} records cached for ${connectionId}, which is no connection`);
  return problems;
}
