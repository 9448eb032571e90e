/**
 * The request pipeline every provider sandbox shares: route -> authenticate -> maybe inject a
 * fault -> read body -> handle -> write. Providers supply routes, auth and their error shape.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createFaultDraw } from '../faults/fault-draw';
import { DEFAULT_SLOW_MS, type FaultKind, type SandboxFaults } from '../faults/fault-spec';
import { BodyTooLargeError, readBody } from './request-body';
import { json, serialise, type Reply } from './reply';
import { createRouter, type Method, type RequestContext, type Route } from './router';

export type AuthOutcome = { ok: true; credential: string } | { ok: false; reply: Reply };

export interface ProviderDefinition {
  routes: readonly Route[];
  authenticate(headers: IncomingHttpHeaders, path: string): AuthOutcome;
  /** Invalidates the credential (token expiry mid-sync) and returns the 401 the client sees. */
  expireCredential(credential: string, path: string): Reply;
  /** The provider's error body for a status (used for 404/405/500 and injected 429/5xx). */
  error(status: number, title: string, detail: string, path: string): Reply;
}

export interface SandboxServerOptions {
  port: number;
  seed: number;
  faults: SandboxFaults;
  /** Separates providers' fault streams when they share a seed. */
  faultSalt: number;
  watch?: RequestWatch | undefined;
}

/** Sees a request's url on arrival, with a promise of when its answer is over, and the connection it came on. */
export type RequestWatch = (url: string, over: Promise<void>, connection: Socket) => void;

export interface StartedServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Body of the wrongShape fault: valid JSON that matches no provider's documented response. */
const WRONG_SHAPE = { unexpected: true, items: 'not-a-list', 'hydra:member': null, value: 42 };
const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const STATUS_TITLES: Record<string, string> = { '429': 'Too Many Requests', '500': 'Internal Server Error', '502': 'Bad Gateway', '503': 'Service Unavailable' };

function send(response: ServerResponse, reply: Reply): void {
  const { contentType, payload } = serialise(reply);
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.status !== 204) {
    headers['content-type'] = contentType;
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  response.writeHead(reply.status, headers);
  response.end(reply.status === 204 ? undefined : payload);
}

/** Headers and the first half of the body, then a dead socket: what a client sees on a dropped connection. */
function sendAndDrop(response: ServerResponse, reply: Reply): void {
  const { contentType, payload } = serialise(reply);
  const body = payload.length > 1 ? payload : '{"truncated":';
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length) });
  response.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => response.destroy());
}

export async function startSandboxServer(definition: ProviderDefinition, options: SandboxServerOptions): Promise<StartedServer> {
  const route = createRouter(definition.routes);
  const draw = createFaultDraw(options.faults, options.seed, options.faultSalt);
  const slowMs = options.faults.slowMs ?? DEFAULT_SLOW_MS;
  const pendingDelays = new Set<NodeJS.Timeout>();
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, ms);
      pendingDelays.add(timer);
    });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = (request.method ?? 'GET').toUpperCase();
    const match = METHODS.includes(method) ? route(method, path) : { route: null, pathKnown: true };
    if (!match.route) {
      send(response, match.pathKnown ? definition.error(405, 'Method Not Allowed', `${method} is not allowed on ${path}`, path) : definition.error(404, 'Not Found', `No route for ${method} ${path}`, path));
      return;
    }
    let credential: string | null = null;
    let fault: FaultKind | null = null;
    if (!match.route.public) {
      const auth = definition.authenticate(request.headers, path);
      if (!auth.ok) {
        send(response, auth.reply);
        return;
      }
      credential = auth.credential;
      if (!options.faults.writesOnly || method !== 'GET') fault = draw.next();
    }
    switch (fault) {
      case '429':
      case '503':
        send(response, { ...definition.error(Number(fault), STATUS_TITLES[fault] ?? fault, 'Injected by the sandbox: try again later', path), headers: { 'retry-after': '1' } });
        return;
      case '500':
      case '502':
        send(response, definition.error(Number(fault), STATUS_TITLES[fault] ?? fault, 'Injected by the sandbox', path));
        return;
      case 'expireToken':
        send(response, definition.expireCredential(credential ?? '', path));
        return;
      case 'slow':
        await delay(slowMs);
        break;
      default:
        break;
    }
    const bodyText = method === 'GET' || method === 'DELETE' ? '' : await readBody(request);
    const context: RequestContext = {
      method: method as Method,
      path,
      params: match.params,
      query: url.searchParams,
      headers: request.headers,
      bodyText,
      contentType: String(request.headers['content-type'] ?? ''),
      credential,
    };
    const reply = await match.route.handle(context);
    const succeeded = reply.status >= 200 && reply.status < 300;
    if (fault === 'drop') sendAndDrop(response, reply);
    else if (fault === 'malformed' && succeeded) send(response, { status: 200, text: '{"value": [{"invoiceNumber": "10425", "amount": 1000,' });
    else if (fault === 'wrongShape' && succeeded) send(response, json(200, WRONG_SHAPE));
    // A delayed answer says so, so a test on a loaded machine can tell it from an ordinary slow one.
    else send(response, fault === 'slow' ? { ...reply, headers: { ...reply.headers, 'x-sandbox-fault': 'slow' } } : reply);
  }

  const server = createServer((request, response) => {
    options.watch?.(request.url ?? '/', new Promise((resolve) => response.once('close', () => resolve())), request.socket);
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (error instanceof BodyTooLargeError) send(response, definition.error(413, 'Payload Too Large', error.message, path));
      else send(response, definition.error(500, 'Internal Server Error', error instanceof Error ? error.message : 'unexpected error', path));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const timer of pendingDelays) clearTimeout(timer);
      pendingDelays.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
