import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
  baseUrl: string;
  /** Every request passed on, as `METHOD url`, counted when it arrives. */
  passed: string[];
  /** Requests whose answer was dropped after the target had handled them. */
  lost: string[];
  close(): Promise<void>;
}

/**
 * Passes every request to `target`; for a request `loseAnswer` picks, the target handles it and
 * the answer is thrown away (the socket is destroyed): a response lost on the way back. `watch`
 * sees each request's url as it arrives, with a promise of when its exchange is over.
 */
export async function startLossyProxy(
  target: string,
  loseAnswer: (method: string, url: string) => boolean,
  watch?: (url: string, over: Promise<void>) => void,
): Promise<LossyProxy> {
  const lost: string[] = [];
  const passed: string[] = [];
  const server = createServer((incoming, outgoing) => {
    passed.push(`${incoming.method} ${incoming.url}`);
    watch?.(incoming.url ?? '', new Promise((resolve) => outgoing.once('close', () => resolve())));
    const url = new URL(incoming.url ?? '/', target);
    const upstream = forward(url, { method: incoming.method, headers: { ...incoming.headers, host: url.host } }, (answer) => {
      if (loseAnswer(incoming.method ?? '', incoming.url ?? '')) {
        answer.resume();
        answer.on('end', () => {
          lost.push(`${incoming.method} ${incoming.url}`);
          incoming.socket.destroy();
        });
        return;
      }
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    // A client killed mid-request, or the proxy closing under one: end that exchange, not the test.
    upstream.on('error', () => incoming.socket.destroy());
    incoming.on('error', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    passed,
    lost,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
