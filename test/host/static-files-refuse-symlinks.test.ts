import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestHost } from '../support/host';

let host: Awaited<ReturnType<typeof startTestHost>>;
let secretFile: string;
beforeAll(async () => {
  host = await startTestHost();
  const outside = await mkdtemp(join(tmpdir(), 'reskontra-outside-'));
  secretFile = join(outside, 'secret.txt');
  await writeFile(secretFile, 'not for the page');
  await mkdir(join(outside, 'folder'));
  await writeFile(join(outside, 'folder', 'inner.js'), 'not for the page');
  // Links someone (or something) placed inside the served folder.
  await symlink(secretFile, join(host.rendererDir, 'linked.txt'));
  await symlink(join(outside, 'folder'), join(host.rendererDir, 'assets'));
  await symlink(join(host.rendererDir, 'app.js'), join(host.rendererDir, 'alias.js'));
});
afterAll(async () => {
  await host.close();
});

describe.skipIf(process.platform === 'win32')('browser-mode static files', () => {
  it.each(['/linked.txt', '/assets/inner.js', '/alias.js'])('do not follow the symlink %s', async (path) => {
    const response = await rawRequest(host.port, { path });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('not for the page');
  });

  it('serve real files beside them', async () => {
    expect((await rawRequest(host.port, { path: '/app.js' })).body).toBe('console.log(1)');
  });
});
