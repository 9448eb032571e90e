import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SANDBOX_PROVIDERS, startAllSandboxes } from '../../sandbox/start-sandbox';

/** A base with four free ports after it, found by binding and releasing them. */
async function freePortBase(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const servers = [];
    try {
      for (let offset = 0; offset < 4; offset += 1) {
        const server = createServer();
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(base + offset, '127.0.0.1', resolve);
        });
        servers.push(server);
      }
      return base;
    } catch {
      // Taken: try another base.
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  }
  throw new Error('no four free ports in a row');
}

describe('startAllSandboxes with a port base', () => {
  it('listens on base+0..3 in provider order, and a clash on the last port closes the three it had started', async () => {
    const portBase = await freePortBase();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(portBase + 3, '127.0.0.1', resolve));
    try {
      await expect(startAllSandboxes({ portBase, scale: 20 })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    // base+0..2 are free again only if the failed attempt closed its first three servers.
    const sandboxes = await startAllSandboxes({ portBase, scale: 20 });
    try {
      expect(sandboxes.map((sandbox) => sandbox.provider)).toEqual(SANDBOX_PROVIDERS);
      expect(sandboxes.map((sandbox) => sandbox.baseUrl)).toEqual([0, 1, 2, 3].map((offset) => `http://127.0.0.1:${portBase + offset}`));
    } finally {
      await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    }
  });
});
