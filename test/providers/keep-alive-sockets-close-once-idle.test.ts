import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeepAliveFetch } from '../../src-main/providers/keep-alive-fetch';

/** A server answering after `delayMs`, recording when each of its sockets closes. */
async function serve(delayMs: number): Promise<{ server: Server; url: string; open: () => number }> {
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => setTimeout(() => response.end('ok'), delayMs));
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, open: () => sockets.size };
}

const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return check();
};

describe('keep-alive fetch', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('keeps a socket for the next request, then closes it once idle, from its own side', async () => {
    const served = await serve(0);
    server = served.server;
    const fetch = createKeepAliveFetch(served.url, undefined, 300);
    expect(await (await fetch(served.url)).text()).toBe('ok');
    expect(await (await fetch(served.url)).text()).toBe('ok');
    expect(served.open()).toBe(1);
    // The server would keep it a minute: only the client's idle limit can close it this soon.
    expect(await waitFor(() => served.open() === 0, 2_000)).toBe(true);
  });

  it('does not cut an answer slower than the idle limit', async () => {
    const served = await serve(600);
    server = served.server;
    const fetch = createKeepAliveFetch(served.url, undefined, 200);
    expect(await (await fetch(served.url)).text()).toBe('ok');
  });
});
