import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/add-without-keychain.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('connections.add with no OS keychain', () => {
  it('fails with keychain_unavailable and stores nothing anywhere', async () => {
    const { stdout } = await run(tsx, [fixture], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/reskontra-bus' },
      timeout: 30_000,
    });
    expect(stdout).not.toContain('flowtly-token-never-stored');
    const { result, list, files } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      result: { ok: boolean; error?: { code: string; message: string } };
      list: { ok: boolean; value?: { connections: unknown[] } };
      files: string[];
    };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('keychain_unavailable');
    expect(result.error?.message).toMatch(/gnome-keyring/);
    expect(list.value?.connections).toEqual([]);
    expect(files).toEqual([]);
  });
});
