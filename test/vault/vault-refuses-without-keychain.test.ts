import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/try-keychain.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Runs the vault in a child whose D-Bus session points nowhere: no Secret Service at all. */
async function withoutSecretService(env: Record<string, string | undefined>) {
  const { stdout } = await run(tsx, [fixture], { env: { ...process.env, ...env }, timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ok: boolean; code?: string; message?: string };
}

describe('the vault without an OS keychain', () => {
  it('fails with keychain_unavailable and says what to install or unlock', async () => {
    const result = await withoutSecretService({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/reskontra-bus' });
    expect(result.ok).toBe(false);
    expect(result.code).toBe('keychain_unavailable');
    expect(result.message).toMatch(/gnome-keyring/);
    expect(result.message).toMatch(/install and unlock/);
    expect(result.message).not.toContain('never-stored-anywhere');
  });

  it('fails the same way when there is no D-Bus session at all', async () => {
    const result = await withoutSecretService({ DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined });
    expect(result.code).toBe('keychain_unavailable');
  });

  it('leaves nothing behind in a file instead', async () => {
    const before = await readdir(process.cwd());
    await withoutSecretService({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/reskontra-bus' });
    expect(await readdir(process.cwd())).toEqual(before);
  });
});
