/** Small helpers the sandbox contract tests share: JSON over real HTTP, tokens, fixtures. */
import { readFileSync } from 'node:fs';
import type { RunningSandbox } from '../../../sandbox/start-sandbox';

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function requestJson(url: string, init: RequestInit = {}): Promise<JsonResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    // Left as text: the malformed-body fault tests want to see exactly that.
  }
  return { status: response.status, headers: response.headers, body };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<JsonResponse> {
  return requestJson(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Client-credentials exchange at the sandbox's token path (Aptic, Vettig). */
export async function fetchToken(sandbox: RunningSandbox): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandbox.credentials.clientId ?? '', client_secret: sandbox.credentials.clientSecret ?? '' });
  const response = await requestJson(`${sandbox.baseUrl}${sandbox.settings.tokenPath ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const body = asRecord(response.body);
  if (response.status !== 200 || typeof body.access_token !== 'string') throw new Error(`token exchange failed: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected a JSON object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value as Record<string, unknown>;
}

export function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected a JSON array, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value;
}

export function readSeedFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), 'utf8')) as unknown;
}

/**
 * The key structure of a documented example, checked against a served value: the same keys at
 * every level (arrays by their first element), and where the example shows a number, boolean
 * or string, a value of that type (or null, which the docs' placeholders cannot show).
 */
export function shapeMismatches(example: unknown, actual: unknown, path = '$'): string[] {
  if (example === null) return [];
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array`];
    if (example.length === 0 || actual.length === 0) return [];
    return actual.flatMap((item, n) => shapeMismatches(example[0], item, `${path}[${n}]`));
  }
  if (typeof example === 'object') {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [`${path}: expected an object`];
    const want = Object.keys(example).sort();
    const have = Object.keys(actual).sort();
    if (want.join(',') !== have.join(',')) return [`${path}: keys ${have.join(',')} differ from documented ${want.join(',')}`];
    return want.flatMap((key) => shapeMismatches((example as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`));
  }
  if (actual === null) return [];
  return typeof actual === typeof example ? [] : [`${path}: expected ${typeof example}, got ${typeof actual}`];
}
