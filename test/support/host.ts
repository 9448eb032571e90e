import { request as httpRequest } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../src-main/host/host-server';
import { createHandlers } from '../../src-main/rpc/create-handlers';
import { createDispatch } from '../../src-main/rpc/dispatch';

export const testToken = 'test-token-0123456789abcdef';

/** The browser-mode host with the real handler table, serving a tiny renderer folder. */
export async function startTestHost(): Promise<RunningHost & { dataDir: string; rendererDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'reskontra-host-data-'));
  const rendererDir = await mkdtemp(join(tmpdir(), 'reskontra-host-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Reskontra</title>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)');
  const handlers = createHandlers({ name: 'Reskontra', version: '0.0.0-test', transport: 'browser', dataDir });
  const host = await startHost({ dispatch: createDispatch(handlers), token: testToken, rendererDir });
  return { ...host, dataDir, rendererDir };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send any Host header and body size (fetch forbids both). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    // The host may answer 413 and close before the whole body is sent; the answer is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

export function rpc(port: number, method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(port, {
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { 'content-type': 'application/json', 'x-reskontra-token': testToken, ...headers },
    body: JSON.stringify(body),
  });
}
