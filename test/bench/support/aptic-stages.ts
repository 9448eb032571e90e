import { apticGuidFor } from '../../../sandbox/data/aptic-guid';
import type { RunningSandbox } from '../../../sandbox/start-sandbox';
import { mapLimited } from '../../../src-main/providers/map-limited';
import { apticInvoiceListSchema, apticListItemSchema, plainApticListItem } from '../../../src-main/providers/aptic/schema';
import { normalizeApticInvoice } from '../../../src-main/providers/aptic/normalize';
import { apticListHashes, apticVatWork } from '../../../src-main/providers/aptic/vat-lines';
import { resolveDetails } from '../../../src-main/providers/detail-requests';
import { apticInvoicePageSize, apticInvoicePagesPerCall } from '../../../src-main/providers/aptic/client';
import { packSyncPage, unpackSyncPage } from '../../../src-shared/rpc/packed-sync-page';

/**
 * The stages of an Aptic invoice sync, each timed alone over the same pages, with main's own
 * code where main has code: what each costs, so the slowest one is the bottleneck to work on.
 * They run one after another in this process; in a sync they overlap across processes and pages.
 */
export interface ApticStageProfile {
  /** HTTP: the pages served by the sandbox and read as text, `concurrency` at a time. */
  fetchMs: number;
  parseMs: number;
  /** The list envelope (zod) and each item (a plain check, zod where it fails), as main validates them. */
  validateMs: number;
  normaliseMs: number;
  /** Each list entry's hash and its pending VAT request, as a deferred page carries them. */
  hashMs: number;
  /** JSON.stringify of the sync pages main answers `sync.page` with (10 provider pages each, their pending VAT listed). */
  serialiseMs: number;
  /** The renderer's share, timed here in Node's V8: JSON.parse of those pages, and `unpackSyncPage`. */
  unpackMs: number;
  pages: number;
  /** Bytes of the sync pages main sends to the renderer. */
  rpcBytes: number;
}

export async function apticToken(sandbox: RunningSandbox): Promise<string> {
  const response = await fetch(new URL(sandbox.settings.tokenPath!, sandbox.baseUrl), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.credentials.clientId!, client_secret: sandbox.credentials.clientSecret! }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The invoice list pages at these offsets, each read as text and handed to `keep`, `concurrency` requests at a time. */
export async function fetchApticPages<T>(sandbox: RunningSandbox, token: string, skips: readonly number[], concurrency: number, keep: (text: string) => T): Promise<T[]> {
  const base = sandbox.baseUrl.endsWith('/') ? sandbox.baseUrl : `${sandbox.baseUrl}/`;
  return mapLimited(skips, concurrency, async (skip) => {
    const response = await fetch(new URL(`v1/Invoices?$skip=${skip}&$top=${apticInvoicePageSize}`, base), { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`page at ${skip}: HTTP ${response.status}`);
    return keep(await response.text());
  });
}

/**
 * The invoice details a first sync fetches for each invoice's VAT (GET /v1/Invoices/{guid}, see
 * aptic/vat-lines.ts), timed over `sample` invoices spread over the range, `concurrency` at a
 * time, and the milliseconds per invoice.
 */
export async function apticDetailMsPerInvoice(sandbox: RunningSandbox, token: string, seed: number, invoices: number, sample: number, concurrency: number): Promise<number> {
  const base = sandbox.baseUrl.endsWith('/') ? sandbox.baseUrl : `${sandbox.baseUrl}/`;
  const guids = Array.from({ length: sample }, (_, i) => apticGuidFor(seed, Math.floor((i * invoices) / sample)));
  const started = performance.now();
  await mapLimited(guids, concurrency, async (guid) => {
    const response = await fetch(new URL(`v1/Invoices/${guid}`, base), { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`detail of ${guid}: HTTP ${response.status}`);
    return JSON.parse(await response.text()) as unknown;
  });
  return (performance.now() - started) / sample;
}

/** Adds the time `work` takes to `totals[stage]` and hands back its result. */
function timedInto<T>(totals: Record<string, number>, stage: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  totals[stage] = (totals[stage] ?? 0) + performance.now() - started;
  return result;
}

async function timedIntoAsync<T>(totals: Record<string, number>, stage: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  totals[stage] = (totals[stage] ?? 0) + performance.now() - started;
  return result;
}

/** As long as a real connection id (a UUID), so the bytes sent are a real page's. */
const benchConnectionId = '7d0c2a5e-0000-4000-8000-000000000000';

export async function profileApticStages(sandbox: RunningSandbox, token: string, invoices: number, concurrency: number): Promise<ApticStageProfile> {
  const skips = Array.from({ length: Math.ceil(invoices / apticInvoicePageSize) }, (_, i) => i * apticInvoicePageSize);
  const fetchStarted = performance.now();
  const texts = await fetchApticPages(sandbox, token, skips, concurrency, (text) => text);
  const fetchMs = performance.now() - fetchStarted;
  // Then page by page, as main does, so no stage pays for a heap holding all 100k at once.
  const totals: Record<string, number> = {};
  let count = 0;
  let rpcBytes = 0;
  for (let at = 0; at < texts.length; at += apticInvoicePagesPerCall) {
    const pageTexts = texts.slice(at, at + apticInvoicePagesPerCall);
    const bodies = pageTexts.map((text) => timedInto(totals, 'parse', () => JSON.parse(text) as unknown));
    const lists = timedInto(totals, 'validate', () => bodies.map((body) => apticInvoiceListSchema.parse(body).value));
    const entries = lists.flat();
    const items = timedInto(totals, 'validate', () => entries.map((item) => plainApticListItem(item) ?? apticListItemSchema.parse(item)));
    const records = timedInto(totals, 'normalise', () => items.map((item) => normalizeApticInvoice(benchConnectionId, item)));
    const pendingDetails = await timedIntoAsync(totals, 'hash', () => resolveDetails(apticVatWork(records, new Map(lists.flatMap((list, n) => [...apticListHashes(list, pageTexts[n]!)]))), async () => [], true));
    count += records.length;
    const page = { records, quarantined: [], nextCursor: 'eyJza2lwIjoxMDAwfQ', progress: { done: count, total: invoices }, pendingDetails };
    const text = timedInto(totals, 'serialise', () => JSON.stringify(packSyncPage(page)));
    rpcBytes += text.length;
    timedInto(totals, 'unpack', () => unpackSyncPage(JSON.parse(text)));
  }
  if (count !== invoices) throw new Error(`expected ${invoices} invoices, the pages held ${count}`);
  const stage = (name: string) => totals[name] ?? 0;
  return { fetchMs, parseMs: stage('parse'), validateMs: stage('validate'), normaliseMs: stage('normalise'), hashMs: stage('hash'), serialiseMs: stage('serialise'), unpackMs: stage('unpack'), pages: skips.length, rpcBytes };
}
