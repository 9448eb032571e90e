import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../src-shared/security/content-security-policy';
import type { RpcErrorCode, RpcResult } from '../../src-shared/rpc/rpc-error';
import type { Dispatch } from '../rpc/dispatch';
import { bytesContentType, bytesInputHeader } from '../../src-shared/rpc/bytes-body';
import { requestPath } from './request-path';
import { serveStatic } from './static-files';
import { hasToken, isAllowedHost, isAllowedOrigin } from './trusted-request';

export const maxBodyBytes = 10 * 1024 * 1024;

const statusByCode: Record<RpcErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  unknown_method: 404,
  invalid_input: 400,
  payload_too_large: 413,
  not_found: 404,
  conflict: 409,
  disk_full: 507,
  newer_file: 409,
  keychain_unavailable: 503,
  provider_error: 502,
  provider_refused: 502,
  outcome_unknown: 502,
  provider_unreachable: 502,
  provider_unreadable: 502,
  provider_too_large: 502,
  credentials_refused: 502,
  credentials_missing: 409,
  secret_required: 409,
  offline: 503,
  internal: 500,
};

export interface HostOptions {
  dispatch: Dispatch;
  token: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningHost {
  port: number;
  /** The address to open, with the per-launch token in the fragment (never sent over HTTP). */
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the same RPC table Electron serves over IPC, served on loopback only.
 * `POST /rpc/<method>` with the JSON input as body and the launch token in `x-reskontra-token`.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  let port = 0;
  const server = createServer((request, response) => {
    setSecurityHeaders(response);
    handle(request, response).catch(() => {
      if (!response.headersSent) sendError(response, 'internal', 'The request could not be handled.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request, port) || !isAllowedOrigin(request, port)) {
      return sendError(response, 'forbidden', 'This address is not Reskontra’s.');
    }
    const segments = requestPath(request.url ?? '');
    if (segments === null) return sendText(response, 400, 'Bad request: the address is malformed.');
    if (segments[0] === 'rpc' && segments.length > 1) return handleRpc(request, response, segments.slice(1).join('/'));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.statusCode = 405;
      response.end();
      return;
    }
    if (!(await serveStatic(options.rendererDir, segments, response))) {
      sendText(response, 404, 'Not found');
    }
  }

  async function handleRpc(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      response.statusCode = 405;
      response.end();
      return;
    }
    if (!hasToken(request, options.token)) {
      return sendError(response, 'unauthorized', 'Missing or wrong x-reskontra-token.');
    }
    const body = await readBody(request);
    if (body === 'too_large') {
      response.setHeader('connection', 'close');
      return sendError(response, 'payload_too_large', `The request body is larger than ${maxBodyBytes} bytes.`);
    }
    let input: unknown = {};
    try {
      input = isBytesBody(request) ? bytesInput(request, body) : body.length > 0 ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(response, 'invalid_input', 'The request body is not valid JSON.');
    }
    const result = await options.dispatch(method, input);
    sendResult(response, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A call that carries bytes (`export.appendBytes`): the body is the bytes as they are, the rest of
 * the input JSON in `x-reskontra-input`, so a file's bytes are neither base64 nor JSON-escaped.
 * The method's schema in dispatch checks the whole input, as for any other call.
 */
function isBytesBody(request: IncomingMessage): boolean {
  return request.headers['content-type'] === bytesContentType;
}

function bytesInput(request: IncomingMessage, body: Buffer): unknown {
  const header = request.headers[bytesInputHeader];
  const rest: unknown = typeof header === 'string' ? JSON.parse(header) : {};
  return typeof rest === 'object' && rest !== null && !Array.isArray(rest) ? { ...rest, bytes: body } : rest;
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too_large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    request.resume();
    return Promise.resolve('too_large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        done = true;
        chunks.length = 0;
        request.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('content-security-policy', contentSecurityPolicy);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('cross-origin-opener-policy', 'same-origin');
  response.setHeader('cross-origin-resource-policy', 'same-origin');
  response.setHeader('x-frame-options', 'DENY');
}

function sendResult(response: ServerResponse, result: RpcResult<unknown>): void {
  response.statusCode = result.ok ? 200 : statusByCode[result.error.code];
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(result));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.end(text);
}

function sendError(response: ServerResponse, code: RpcErrorCode, message: string): void {
  sendResult(response, { ok: false, error: { code, message } });
}
