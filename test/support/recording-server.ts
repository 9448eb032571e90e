import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RecordingServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Every request as text (line, headers, body), to search for anything credential-like. */
  transcript(): string;
  close(): Promise<void>;
}

/**
 * A stranger's host on 127.0.0.1 (port 0): answers every request 401 and keeps its method, URL,
 * headers and body, so a test can prove what was (never) sent to it.
 */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"who are you?"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    transcript: () => requests.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n\n'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** True when a recorded request carried anything a provider accepts as a credential. */
export function carriesCredential(request: RecordedRequest, secrets: readonly string[]): boolean {
  const text = `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`;
  return (
    request.headers['authorization'] !== undefined ||
    request.headers['x-api-key'] !== undefined ||
    /client_secret/i.test(request.body) ||
    secrets.some((secret) => text.includes(secret))
  );
}
