import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Served } from './mutated-documents';

/** What one route answers: a JSON body, and the records it served under a kind (for counting). */
export interface Answer {
  body: unknown;
  headers?: Record<string, string>;
  served?: { kind: string; items: readonly Served[] };
}
export type Route = (url: URL, request: IncomingMessage) => Answer | null;

export interface MutatedProviderServer {
  baseUrl: string;
  /** The routes of the current run (each property run serves other documents). */
  routes: Route[];
  /** Records served per kind, and how many of them were broken on purpose, since the last take. */
  take(): Map<string, { served: number; broken: number }>;
  close(): Promise<void>;
}

/**
 * A real local HTTP server (port 0) that serves whatever documents the test hands it, ignoring
 * credentials except for answering a token request, and counts every record it sends.
 */
export async function startMutatedProviderServer(): Promise<MutatedProviderServer> {
  let counts = new Map<string, { served: number; broken: number }>();
  const state: MutatedProviderServer['routes'] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    request.resume();
    if (request.method === 'POST') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'property-test-token', token_type: 'bearer', expires_in: 3600 }));
      return;
    }
    for (const route of state) {
      const answer = route(url, request);
      if (!answer) continue;
      if (answer.served) {
        const count = counts.get(answer.served.kind) ?? { served: 0, broken: 0 };
        count.served += answer.served.items.length;
        count.broken += answer.served.items.filter((item) => item.broken).length;
        counts.set(answer.served.kind, count);
      }
      response.writeHead(200, { 'content-type': 'application/json', ...answer.headers });
      response.end(JSON.stringify(answer.body));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ title: 'Not found', detail: url.pathname }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    routes: state,
    take() {
      const taken = counts;
      counts = new Map();
      return taken;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
