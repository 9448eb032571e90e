import { afterAll, describe, expect, it } from 'vitest';
import { apticGuidFor } from '../../sandbox/data/aptic-guid';
import type { Connection } from '../../src-shared/domain/connection';
import type { SyncPage } from '../../src-shared/rpc/sync-methods';
import { rpcCall } from '../support/app-with-sandboxes';
import { startBrowserMode, type RunningApp } from '../support/browser-mode';
import { unpackSyncPage } from '../../src-shared/rpc/packed-sync-page';

const started: RunningApp[] = [];
afterAll(async () => {
  await Promise.all(started.map((app) => app.stop()));
});

async function startDemo(env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const app = await startBrowserMode(['--demo'], env);
  started.push(app);
  return app;
}

async function connectionFor(app: RunningApp, provider: Connection['provider']): Promise<Connection> {
  const { connections } = await rpcCall<{ connections: Connection[] }>(app, 'connections.list', {});
  const connection = connections.find((item) => item.provider === provider);
  if (!connection) throw new Error(`no ${provider} demo connection`);
  return connection;
}

describe('npm run demo', () => {
  it('hands main one demo connection per sandbox, and the sandboxes follow SANDBOX_SEED and SANDBOX_SCALE', async () => {
    const app = await startDemo({ SANDBOX_SEED: '7', SANDBOX_SCALE: '30' });
    expect(app.output.filter((line) => line.startsWith('Reskontra is running at'))).toHaveLength(1);
    expect(await rpcCall<{ demo: boolean }>(app, 'app.info', {})).toMatchObject({ demo: true });
    const { connections } = await rpcCall<{ connections: Connection[] }>(app, 'connections.list', {});
    expect(connections.map((item) => item.label).sort()).toEqual(['Aptic (demo)', 'Confirma Finance (demo)', 'Flowtly (demo)', 'Vettig (demo)']);
    // demo.connect (the Connections screen's button) finds the same four rather than adding more.
    await rpcCall(app, 'demo.connect', {});
    expect((await rpcCall<{ connections: Connection[] }>(app, 'connections.list', {})).connections).toHaveLength(4);

    // Aptic's invoices, pulled through main with the credentials it was handed: exactly the 30 of seed 7.
    const aptic = await connectionFor(app, 'aptic');
    const refs = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: SyncPage = unpackSyncPage(await rpcCall<unknown>(app, 'sync.page', { connectionId: aptic.id, stream: 'invoices', cursor }));
      for (const record of page.records) refs.add(record.providerRef);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(refs).toEqual(new Set(Array.from({ length: 30 }, (_, index) => apticGuidFor(7, index))));
  });

  it('follows SANDBOX_FAULTS: every call failing makes a sync page fail', async () => {
    const app = await startDemo({ SANDBOX_FAULTS: '500:1', RESKONTRA_HTTP_RETRY_LIMIT: '0' });
    const flowtly = await connectionFor(app, 'flowtly');
    await expect(rpcCall(app, 'sync.page', { connectionId: flowtly.id, stream: 'invoices', cursor: null })).rejects.toThrow(/Flowtly answered 500 .*Injected by the sandbox/);
  });

  it('stops with the reason when SANDBOX_FAULTS cannot be read', async () => {
    await expect(startDemo({ SANDBOX_FAULTS: '418:0.1' })).rejects.toThrow(/demo sandboxes could not start: unknown fault "418"/);
  });
});
